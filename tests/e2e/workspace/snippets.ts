export async function load(url: string): Promise<void> {
  console.log(url);
}
