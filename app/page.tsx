import { Studio } from './components/studio/Studio';

export default function Home() {
  return <Studio />;
}
