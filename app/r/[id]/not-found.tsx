import { NotInLibrary } from '../../library/_components/NotInLibrary';

export default function RunNotFound() {
  return <NotInLibrary what="run" />;
}
