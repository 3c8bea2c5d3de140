using System;

namespace HttpNano
{
    /// <summary>
    /// The chunked body decoder of <see cref="ResponseReader"/> (RFC 9112 section 7.1): size
    /// lines, extensions, the CRLF after each chunk's data and the trailer section, decoded in
    /// place in the receive buffer; the states are in ResponseReader's diagram. Chunk data is
    /// never moved here: <see cref="ResponseReader.ReadBody"/> copies it out.
    /// </summary>
    internal sealed partial class ResponseReader
    {
        // Consumes framing at _pos until chunk data begins (Data), the body ends (Done) or the
        // buffered bytes run out. Invalid framing is not thrown but kept in _error, so a call
        // holding data returns it first. Each step is one byte or a run (hex digits, the rest
        // of an extension or trailer line); its bytes count against the line limit (trailers
        // also against MaxTrailerBytes) before the step is checked, as a byte-by-byte count would.
        private void DecodeFraming()
        {
            byte[] b = _buffer;
            int i = _pos;
            int end = _end;
            Phase state = State;
            long size = Left;
            int line = _line;
            if (state == Phase.DataCr && end - i >= 2 && b[i] == Ascii.Cr && b[i + 1] == Ascii.Lf)
            {
                // The usual CRLF after chunk data, buffered whole (size and line are 0 after data).
                i += 2;
                state = Phase.Chunked;
            }

            Exception error = null;
            while (i < end && state != Phase.Data && state != Phase.Done)
            {
                int c = b[i];
                int n = 1;
                Phase next = state;
                bool invalid = false;
                switch (state)
                {
                    case Phase.Chunked:
                    case Phase.Size:
                        int j = i;
                        while (j < end)
                        {
                            c = b[j];
                            int digit = c - '0';
                            if ((uint)digit > 9)
                            {
                                digit = (c | 0x20) - 'a';
                                if ((uint)digit > 5)
                                {
                                    break;
                                }

                                digit += 10;
                            }

                            if (size > (long.MaxValue >> 4))
                            {
                                invalid = true;
                                break;
                            }

                            size = (size << 4) | (uint)digit;
                            j++;
                        }

                        if (j > i || invalid)
                        {
                            n = j - i;
                            next = Phase.Size;
                            if (end - j >= 2 && b[j] == Ascii.Cr && b[j + 1] == Ascii.Lf && !invalid)
                            {
                                // The usual "hex CRLF" line, buffered whole.
                                n += 2;
                                next = Phase.Data;
                            }
                        }
                        else
                        {
                            // Not a digit: invalid at the start of a line, else as after spaces.
                            invalid = state == Phase.Chunked;
                            goto case Phase.SizeSpace;
                        }

                        break;

                    case Phase.SizeSpace:
                        if (c == Ascii.Cr)
                        {
                            next = Phase.SizeLf;
                        }
                        else if (c == Ascii.Lf)
                        {
                            next = Phase.Data;
                        }
                        else if (c == ';')
                        {
                            next = Phase.Extension;
                        }
                        else if (Ascii.IsWhitespace(c))
                        {
                            next = Phase.SizeSpace;
                        }
                        else
                        {
                            invalid = true;
                        }

                        break;

                    case Phase.Extension:
                    case Phase.Trailer:
                        // The rest of an extension (ignored) or of a trailer field (not kept).
                        int stop = Array.IndexOf(b, Ascii.BoxedLf, i, end - i);
                        if (state == Phase.Extension)
                        {
                            int cr = Array.IndexOf(b, Ascii.BoxedCr, i, (stop < 0 ? end : stop) - i);
                            if (cr >= 0)
                            {
                                stop = cr;
                            }
                        }

                        n = (stop < 0 ? end : stop + 1) - i;
                        if (stop >= 0)
                        {
                            next = state == Phase.Trailer ? Phase.TrailerStart
                                : b[stop] == Ascii.Cr ? Phase.SizeLf
                                : Phase.Data;
                        }

                        break;

                    case Phase.SizeLf:
                        next = Phase.Data;
                        invalid = c != Ascii.Lf;
                        break;

                    case Phase.DataCr:
                        next = c == Ascii.Cr ? Phase.DataLf : Phase.Chunked;
                        invalid = c != Ascii.Cr && c != Ascii.Lf;
                        break;

                    case Phase.DataLf:
                        next = Phase.Chunked;
                        invalid = c != Ascii.Lf;
                        break;

                    case Phase.TrailerStart:
                        next = c == Ascii.Lf ? Phase.Done : c == Ascii.Cr ? Phase.TrailerLf : Phase.Trailer;
                        if (next == Phase.Trailer && ++_trailers > _maxFields)
                        {
                            error = new HttpException("too many trailers");
                        }

                        break;

                    default: // TrailerLf
                        next = Phase.Done;
                        invalid = c != Ascii.Lf;
                        break;
                }

                if (next == Phase.Data && size == 0)
                {
                    // A size line of 0 ends the chunks: the trailers follow.
                    next = Phase.TrailerStart;
                }

                if (state >= Phase.TrailerStart)
                {
                    // The limit a byte-by-byte count would reach first decides the error.
                    int lineRoom = _maxLine - line;
                    int sectionRoom = _maxTrailer - _trailerSize;
                    line += n;
                    _trailerSize += n;
                    if (n > lineRoom && lineRoom <= sectionRoom)
                    {
                        error = new LineTooLongException(LineTooLongException.TrailerLine);
                    }
                    else if (n > sectionRoom)
                    {
                        error = new HttpException("trailer section too large");
                    }
                }
                else if (state <= Phase.SizeLf && (line += n) > _maxLine)
                {
                    error = new LineTooLongException(LineTooLongException.ChunkSizeLine);
                }

                if (error == null && invalid)
                {
                    error = new IncompleteReadException(null, -1);
                }

                if (error != null)
                {
                    _error = error;
                    break;
                }

                // A line starts after a size line or a trailer line. Chunked follows data, whose
                // end left size and line at 0; no step stays in Data or TrailerStart.
                i += n;
                if (next == Phase.Data || next == Phase.TrailerStart)
                {
                    line = 0;
                }

                state = next;
            }

            _pos = i;
            State = state;
            Left = size;
            _line = line;
        }
    }
}
