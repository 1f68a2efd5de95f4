import { NotInLibrary } from '../../library/_components/NotInLibrary';

export default function ExperimentNotFound() {
  return <NotInLibrary what="experiment" />;
}
