const MAX_PARTS = 16;
const MAX_HEADER_BYTES = 8192;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
export class MultipartError extends Error {
}
/** The boundary from `multipart/form-data; boundary=…` (quoted or not), or null. */
export function boundaryOf(contentType) {
    const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
    return match ? (match[1] ?? match[2] ?? null) : null;
}
function headerParam(header, name) {
    const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
    return match ? match[1].replace(/\\(.)/g, '$1') : null;
}
export function parseMultipart(body, boundary) {
    const delimiter = Buffer.from(`--${boundary}`);
    const parts = [];
    let position = body.indexOf(delimiter);
    if (position === -1)
        throw new MultipartError('no boundary in body');
    for (;;) {
        position += delimiter.length;
        // `--boundary--` closes the body.
        if (body[position] === 0x2d && body[position + 1] === 0x2d)
            return parts;
        if (!body.subarray(position, position + 2).equals(CRLF))
            throw new MultipartError('boundary not followed by CRLF');
        position += 2;
        const headerEnd = body.indexOf(HEADER_END, position);
        if (headerEnd === -1 || headerEnd - position > MAX_HEADER_BYTES)
            throw new MultipartError('part headers missing or too long');
        const headers = new Map();
        for (const line of body.subarray(position, headerEnd).toString('utf8').split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0)
                throw new MultipartError('malformed part header');
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        const dataStart = headerEnd + HEADER_END.length;
        const next = body.indexOf(Buffer.concat([CRLF, delimiter]), dataStart);
        if (next === -1)
            throw new MultipartError('part not closed by a boundary');
        const disposition = headers.get('content-disposition') ?? '';
        const name = /^form-data/i.test(disposition) ? headerParam(disposition, 'name') : null;
        if (name === null)
            throw new MultipartError('part without a form-data name');
        parts.push({
            name,
            filename: headerParam(disposition, 'filename'),
            contentType: headers.get('content-type') ?? null,
            data: body.subarray(dataStart, next),
        });
        if (parts.length > MAX_PARTS)
            throw new MultipartError('too many parts');
        position = next + CRLF.length;
    }
}
//# sourceMappingURL=multipart.js.map