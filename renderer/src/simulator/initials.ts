// The Page's avatar letters, from the flow's name ("Stride Shoes" gives "SS").
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase());
  return letters.join('') || 'TL';
}
