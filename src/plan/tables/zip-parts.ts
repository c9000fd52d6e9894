import yauzl from 'yauzl';
import { planLimits } from '../limits.js';

// The parts of an .xlsx workbook (a zip), opened with yauzl. Nothing is inflated before the sizes the zip
// declares for the parts to read are added up against the limit; while a part inflates, its bytes are counted
// again (a zip's declared sizes can lie: yauzl stops a part that inflates past its own, and the budget stops
// the whole). Time and memory are bounded by the limits, not by what the file claims.

/** A limit passed, or a part that cannot be read: where (a part, a sheet's cell) and what, for the person. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ZipParts {
  names: Set<string>;
  /** Inflates `name` chunk by chunk into `onText` (UTF-8 decoded), within the budget of uncompressed bytes. */
  read(name: string, onText: (text: string) => void): Promise<void>;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function openZip(bytes: Buffer): Promise<Map<string, yauzl.Entry> & { zip?: yauzl.ZipFile }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries: Map<string, yauzl.Entry> & { zip?: yauzl.ZipFile } = new Map();
      entries.zip = zip;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= planLimits.workbookParts) {
          zip.close();
          reject(new WorkbookRefusal('(zip)', `more than ${planLimits.workbookParts.toLocaleString('en-US')} parts in the zip, over the limit`));
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * The workbook's zip, with `wanted(names)` choosing the parts that will be read: their declared sizes are
 * checked together against the limit before any is inflated. Throws a WorkbookRefusal for a limit, anything
 * else for a file that is not a zip.
 */
export async function zipParts(bytes: Buffer): Promise<ZipParts & { declare(names: string[]): void }> {
  const entries = await openZip(bytes);
  const zip = entries.zip!;
  let left = planLimits.workbookUncompressedBytes;
  return {
    names: new Set(entries.keys()),
    declare(names) {
      const declared = names.reduce((sum, n) => sum + (entries.get(n)?.uncompressedSize ?? 0), 0);
      if (declared > planLimits.workbookUncompressedBytes) {
        throw new WorkbookRefusal(
          '(zip)',
          `the workbook's sheets unpack to ${mb(declared)}, over the limit of ${mb(planLimits.workbookUncompressedBytes)}; nothing was unpacked`,
        );
      }
    },
    async read(name, onText) {
      const entry = entries.get(name);
      if (!entry) return;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('unreadable')) : resolve(s))),
      );
      const decoder = new TextDecoder('utf-8');
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          left -= chunk.length;
          if (left < 0)
            throw new WorkbookRefusal(
              `(${name})`,
              `the workbook unpacks to more than ${mb(planLimits.workbookUncompressedBytes)}, the limit; not read further`,
            );
          onText(decoder.decode(chunk, { stream: true }));
        }
      } catch (e) {
        if (e instanceof Error && /bytes in the stream/.test(e.message)) {
          throw new WorkbookRefusal(`(${name})`, `${name} unpacks to more bytes than the zip declares for it: a damaged or forged file, not read further`);
        }
        throw e;
      }
      onText(decoder.decode());
    },
  };
}
