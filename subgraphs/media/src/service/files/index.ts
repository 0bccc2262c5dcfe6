// Files as media sees them: what the bytes are, what to call them, how images are served.
export {
  type DetectedType,
  type MediaType,
  DEFAULT_ALLOWED_TYPES,
  declaredTypeAllowed,
  SERVICE_ONLY_TYPES,
} from './media-types';
export { detectType, SNIFF_BYTES } from './detect-type';
export { sanitizeFilename } from './filename';
export {
  type ImageOptions,
  type ImageVariant,
  type ProcessedImage,
  ImageRejectedError,
  processImage,
} from './images';
