/** Terrakube's date format: `2023-09-18T23:10:02.482+00:00`. */
export function formatTerrakubeDate(date: Date): string {
  return date.toISOString().replace(/Z$/, '+00:00');
}
