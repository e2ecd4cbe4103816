/** @module An input problem a person must fix: a stable code, a Persian message, and where. */
import type { ErrorCode } from '../errors';

export interface IngestErrorInit {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
}

export class IngestError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;

  constructor(init: IngestErrorInit) {
    super(init.message);
    this.name = 'IngestError';
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
  }

  /** The same error, attributed to a file (readers often do not know their file name). */
  inFile(file: string): IngestError {
    return new IngestError({ code: this.code, message: this.message, file, line: this.line });
  }

  /** "file:line: message" for terminals. */
  describe(): string {
    const where = [this.file, this.line].filter((x) => x !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}
