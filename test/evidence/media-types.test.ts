import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/errors.js';
import { acceptedMediaType, sanitizeFilename } from '../../src/modules/evidence/media-types.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('evidence types are decided by the content', () => {
  it('takes the sniffed type and names its canonical form', () => {
    expect(
      acceptedMediaType({ mediaType: 'image/jpeg', utf8Text: false }, { filename: 'IMG_0001.JPG' }),
    ).toBe('image/jpeg');
    // A phone's voice memo is audio in an MP4 box; either name for it is honest.
    expect(
      acceptedMediaType(
        { mediaType: 'audio/x-m4a', utf8Text: false },
        { filename: 'rec.m4a', mediaType: 'audio/mp4' },
      ),
    ).toBe('audio/mp4');
    expect(acceptedMediaType({ mediaType: 'video/mp4', utf8Text: false }, { filename: 'rec.m4a' })).toBe(
      'video/mp4',
    );
    expect(
      acceptedMediaType(
        { mediaType: 'audio/wav', utf8Text: false },
        { filename: 'call.wav', mediaType: 'audio/x-wav' },
      ),
    ).toBe('audio/wav');
    expect(acceptedMediaType({ mediaType: 'audio/amr', utf8Text: false }, { filename: '录音.amr' })).toBe(
      'audio/amr',
    );
    expect(acceptedMediaType({ mediaType: undefined, utf8Text: true }, { filename: 'notes' })).toBe(
      'text/plain',
    );
  });

  it('ignores claims that say nothing, and refuses the ones that lie', () => {
    const png = { mediaType: 'image/png', utf8Text: false };
    expect(acceptedMediaType(png, { filename: 'scan', mediaType: 'application/octet-stream' })).toBe(
      'image/png',
    );
    expect(acceptedMediaType(png, { filename: 'scan.unknown', mediaType: 'application/x-whatever' })).toBe(
      'image/png',
    );
    expect(refusal(() => acceptedMediaType(png, { filename: 'scan.pdf' }))).toBe('evidence_type_mismatch');
    expect(refusal(() => acceptedMediaType(png, { filename: 'scan.png', mediaType: 'image/jpeg' }))).toBe(
      'evidence_type_mismatch',
    );
    const exe = { mediaType: 'application/x-msdownload', utf8Text: false };
    expect(refusal(() => acceptedMediaType(exe, { filename: 'a.png' }))).toBe('evidence_type_mismatch');
    expect(refusal(() => acceptedMediaType(exe, { filename: 'a.exe' }))).toBe('evidence_type_not_allowed');
    expect(
      refusal(() => acceptedMediaType({ mediaType: undefined, utf8Text: false }, { filename: 'a' })),
    ).toBe('evidence_type_not_allowed');
  });
});

describe('evidence file names', () => {
  it('drops directories and control characters', () => {
    expect(sanitizeFilename('../../etc/passwd', 'text/plain')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\王\\照片.jpg', 'image/jpeg')).toBe('照片.jpg');
    expect(sanitizeFilename('evil\u202Egnp.exe', 'image/png')).toBe('evilgnp.exe');
    expect(sanitizeFilename('a\r\nb.png', 'image/png')).toBe('ab.png');
  });

  it('names a nameless file after its type', () => {
    expect(sanitizeFilename('', 'application/pdf')).toBe('evidence.pdf');
    expect(sanitizeFilename('..', 'image/png')).toBe('evidence.png');
  });

  it('keeps at most 200 characters and the extension', () => {
    const long = sanitizeFilename(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
