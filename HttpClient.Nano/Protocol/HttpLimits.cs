using System;

namespace HttpNano
{
    /// <summary>
    /// Bounds that protect a small device from hostile or broken servers. Defaults are sized for
    /// an ESP32 without PSRAM; CPython's equivalents are noted for comparison. A response that
    /// exceeds a limit fails with <see cref="LineTooLongException"/>, <see cref="ResponseTooLargeException"/>
    /// or <see cref="HttpException"/> and its connection is closed. A response copies the limits
    /// when it starts: changing them later affects the next response, not one in flight.
    /// </summary>
    public sealed class HttpLimits
    {
        /// <summary>Default <see cref="MaxLineLength"/>: 2048 bytes (CPython: 65536).</summary>
        public const int DefaultMaxLineLength = 2048;
        /// <summary>Default <see cref="MaxHeaderCount"/>: 64 fields (CPython: 100).</summary>
        public const int DefaultMaxHeaderCount = 64;
        /// <summary>Default <see cref="MaxHeaderBytes"/>: 4096 bytes for a whole response head.</summary>
        public const int DefaultMaxHeaderBytes = 4096;
        /// <summary>Default <see cref="MaxInterimResponses"/>: 16 (CPython: 100).</summary>
        public const int DefaultMaxInterimResponses = 16;
        /// <summary>Default <see cref="MaxTrailerBytes"/>: 2048 bytes of chunked trailers.</summary>
        public const int DefaultMaxTrailerBytes = 2048;
        /// <summary>Default <see cref="MaxReadBytes"/>: 65536 bytes (64 KiB) for a whole body read by <c>Read()</c>.</summary>
        public const int DefaultMaxReadBytes = 64 * 1024;

        private int _maxLine = DefaultMaxLineLength;

        /// <summary>
        /// Longest status, header, chunk-size or trailer line, in bytes, line end included.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Set to 0 or less.</exception>
        public int MaxLineLength
        {
            get { return _maxLine; }
            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _maxLine = value;
            }
        }

        // The other limits are plain fields, which cost a fraction of a property in flash; each
        // must be at least 1 (0 makes every response that has the item fail).

        /// <summary>Most header fields in one response head (or one trailer section); at least 1.</summary>
        public int MaxHeaderCount = DefaultMaxHeaderCount;

        /// <summary>
        /// Most bytes in one response head, status line and final empty line included; at least
        /// 1. The head is kept in the connection's receive buffer, so this also sizes that buffer.
        /// </summary>
        public int MaxHeaderBytes = DefaultMaxHeaderBytes;

        /// <summary>Most interim (1xx other than 101) responses skipped before the final one; at least 1.</summary>
        public int MaxInterimResponses = DefaultMaxInterimResponses;

        /// <summary>Most bytes of trailer fields after the last chunk (they are read and dropped); at least 1.</summary>
        public int MaxTrailerBytes = DefaultMaxTrailerBytes;

        /// <summary>
        /// Most bytes of body that <see cref="HttpResponse.Read()"/> buffers into one array; at
        /// least 1. A Content-Length above it is refused before anything is allocated; a chunked
        /// or close-delimited body that grows past it is stopped. Both raise
        /// <see cref="ResponseTooLargeException"/> (with the bytes read so far) and close the
        /// connection. <see cref="HttpResponse.Read(int)"/> and <see cref="HttpResponse.ReadInto"/>
        /// stream any size. Size it to what the heap can hold twice: an unknown-length body is
        /// buffered in pieces and then joined.
        /// </summary>
        public int MaxReadBytes = DefaultMaxReadBytes;
    }
}
