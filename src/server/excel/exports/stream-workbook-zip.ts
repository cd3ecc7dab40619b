/**
 * The zip behind the streaming workbook writer (stream-workbook.ts), in place of the
 * archiver exceljs's WorkbookWriter makes for itself.
 *
 * Archiver deflates one part after the other through a single stream, chunk by chunk,
 * each chunk a turn of the event loop; and since the sheets are built synchronously, all
 * of it waited until the last row was built: a third of a 300-unit recap's time. Here
 * every part is kept whole once complete and handed to yazl, which deflates it in one
 * call of Node's native zlib on the thread pool: parts in parallel, on the other core,
 * while the next sheet is still being built.
 *
 * Keeping the parts whole costs nothing that matters: they are the XML text the streaming
 * writer produces (0.4 MB for 300 units), not the in-memory workbook model it avoids.
 * Parts go into the archive in the order they are complete (deterministic for one
 * workbook); the .xlsx format does not depend on the order.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import yazl from 'yazl';

/**
 * exceljs's StreamBuf, as the writer opens one per sheet part. Paused and never piped, it
 * keeps what is written and emits 'finish' synchronously on end(), so the part is whole
 * — and on its way to zlib — the moment the sheet is committed.
 */
interface PartStream {
  pause(): void;
  read(): Buffer;
  once(event: 'finish', listener: () => void): unknown;
}

/** Already compressed: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif)$/i;

/** The archiver methods WorkbookWriter uses: append, file, finalize, abort, and its events. */
export class PartsZip extends EventEmitter {
  private readonly zip = new yazl.ZipFile();
  private readonly pending: Array<Promise<void>> = [];
  private aborted = false;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    this.zip.outputStream.on('error', (error: Error) => this.emit('error', error));
  }

  private add(data: Buffer, name: string): void {
    if (this.aborted) return;
    // exceljs names some parts with a leading slash (as archiver accepted); zip entries are relative.
    const entry = name.replace(/^\/+/, '');
    // Level 1: the sheet XML comes out ~12 % larger than at the default level, for less CPU
    // while a package's evidence is hashed on the other core.
    this.zip.addBuffer(data, entry, { compressionLevel: STORED.test(entry) ? 0 : 1 });
  }

  append(data: string | Buffer | PartStream, options: { name: string; base64?: boolean }): void {
    if (typeof data === 'string') this.add(Buffer.from(data, options.base64 ? 'base64' : 'utf8'), options.name);
    else if (Buffer.isBuffer(data)) this.add(data, options.name);
    else {
      data.pause();
      data.once('finish', () => this.add(data.read(), options.name));
    }
  }

  file(filename: string, options: { name: string }): void {
    const added = fs.promises.readFile(filename).then((data) => this.add(data, options.name));
    // Reported once, by finalize (exceljs listens for 'error' only from then on).
    added.catch(() => undefined);
    this.pending.push(added);
  }

  /** Once every part is complete: the archive is written to the output, which then ends. */
  finalize(): void {
    Promise.all(this.pending).then(
      () => {
        if (this.aborted) return;
        this.zip.outputStream.pipe(this.output);
        this.zip.end();
      },
      (error: unknown) => this.emit('error', error),
    );
  }

  /** After a failure: nothing more is written. */
  abort(): void {
    this.aborted = true;
  }
}
