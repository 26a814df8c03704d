/**
 * A text kept on a result, made one flat string. V8 builds a string concatenated from pieces as a
 * rope (a tree of the pieces, each a string of its own) and keeps it so until something reads its
 * characters; a rope of a few short pieces takes half again the memory of the flat string, and a
 * large audit keeps hundreds of thousands of them until its reports are written. Reading one
 * character flattens the rope in place (the garbage collector then drops the pieces).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
