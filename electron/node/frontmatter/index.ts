/**
 * The front-matter codec: bytes to text and back, a post's text to a form and a body and back,
 * and the facts the post list needs. Everything the author did not change is kept byte for byte.
 */
export { decodePost, encodePost } from './encoding';
export { applySave, parsePost } from './post';
export { inferFolderStyle, newPostText } from './style';
export { summarizePost } from './summary';
export type { DecodedText, FolderStyle, ParsedPost, PostFacts, QuoteStyle, TextEncodingInfo } from './types';
