/** Any unist node, as far as where it stands in the source goes. */
export interface Positioned {
  position?: { start: { offset?: number }; end: { offset?: number } } | undefined;
}

/** The [start, end) offsets of a node in its source, or undefined for a node a plugin made up. */
export function rangeOf(node: Positioned): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}
