/**
 * An empty array with object elements. An empty literal (`[]`) starts with Smi elements and changes map at
 * its first push of an object, so code that sees both an empty list and a filled one (a line without words,
 * a detector's findings) is polymorphic and deoptimises when the rarer of the two first shows up.
 */
export function emptyObjectArray<T extends object>(): T[] {
  const a: (T | null)[] = [null];
  a.length = 0;
  return a as T[];
}
