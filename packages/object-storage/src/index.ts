import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorage } from './contract';
import { LocalObjectStorage } from './local';
import { S3ObjectStorage } from './s3';
import { settingsProblem, type StorageSettings } from './settings';
import { FileStaging } from './staging';

export {
  ObjectNotFoundError,
  type ObjectInfo,
  type ObjectRead,
  type ObjectStorage,
  type StorageBackend,
} from './contract';
export { storageSettings, type StorageSettings } from './settings';

/**
 * The storage the settings describe. Local folders: `<STORAGE_DIR or defaultDirectory>/objects`
 * (local backend) and `…/staging` (staged uploads, both backends).
 */
export function createObjectStorage(
  settings: StorageSettings,
  options: { defaultDirectory: string },
): ObjectStorage {
  const problem = settingsProblem(settings);
  if (problem) throw new Error(`${problem.path}: ${problem.message}`);
  const directory = settings.STORAGE_DIR ?? options.defaultDirectory;
  const staging = new FileStaging(join(directory, 'staging'));
  if (settings.STORAGE_BACKEND === 'local')
    return new LocalObjectStorage(join(directory, 'objects'), staging);
  const client = new S3Client({
    region: settings.S3_REGION,
    ...(settings.S3_ENDPOINT && { endpoint: settings.S3_ENDPOINT }),
    forcePathStyle: settings.S3_FORCE_PATH_STYLE ?? settings.S3_ENDPOINT !== undefined,
    ...(settings.S3_ACCESS_KEY_ID &&
      settings.S3_SECRET_ACCESS_KEY && {
        credentials: {
          accessKeyId: settings.S3_ACCESS_KEY_ID,
          secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
        },
      }),
    // Checksums only where S3 requires them: recent SDKs add CRC32 checksum headers to every
    // upload by default (and ask for them on downloads), which S3-compatible servers such as
    // s3rver refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return new S3ObjectStorage(client, settings.S3_BUCKET as string, staging);
}
