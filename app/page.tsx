export default function Home() {
  return <main><h1>FedStudio</h1></main>;
}
