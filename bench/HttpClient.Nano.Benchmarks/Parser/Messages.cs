using System;
using System.Collections.Generic;
using System.Text;

namespace HttpNano.Benchmarks.Parser
{
    /// <summary>The byte streams the parser benchmarks replay.</summary>
    internal static class Messages
    {
        /// <summary>A typical nginx response head for a static file: 230 bytes.</summary>
        public static readonly byte[] NginxHead = Latin1(
            "HTTP/1.1 200 OK\r\n"
            + "Server: nginx\r\n"
            + "Date: Wed, 26 Nov 2025 10:00:00 GMT\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Length: 65536\r\n"
            + "Last-Modified: Tue, 25 Nov 2025 09:00:00 GMT\r\n"
            + "Connection: keep-alive\r\n"
            + "ETag: \"69257a54-0010000\"\r\n"
            + "\r\n");

        /// <summary>A 700-byte head with 15 header fields (an API behind a CDN).</summary>
        public static readonly byte[] LargeHead = Latin1(
            "HTTP/1.1 200 OK\r\n"
            + "Date: Wed, 26 Nov 2025 10:00:00 GMT\r\n"
            + "Server: nginx/1.26.0\r\n"
            + "Content-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: 1024\r\n"
            + "Connection: keep-alive\r\n"
            + "Cache-Control: private, no-cache, max-age=0\r\n"
            + "ETag: W/\"5f1b-61a8e2d3c0ffee42\"\r\n"
            + "Last-Modified: Tue, 25 Nov 2025 09:00:00 GMT\r\n"
            + "Vary: Accept-Encoding, Origin, Authorization\r\n"
            + "X-Request-Id: 7d0c2a64-0b1e-4b8e-9d4f-1c2b3a4d5e6f\r\n"
            + "Strict-Transport-Security: max-age=31536000; includeSubDomains; preload\r\n"
            + "Content-Security-Policy: default-src 'self'\r\n"
            + "Set-Cookie: session=3f9a1c7e5b2d4a6c8e0f1a3b5c7d9e1f; Path=/; HttpOnly; Secure\r\n"
            + "Access-Control-Allow-Origin: https://dashboard.example.com\r\n"
            + "X-Cache: HIT from edge-fra-0004.cdn.example.net\r\n"
            + "\r\n");

        /// <summary>A chunked 200 response: a short head, then <paramref name="bodySize"/> bytes in chunks of <paramref name="chunkSize"/>.</summary>
        public static byte[] Chunked(int bodySize, int chunkSize, out int headLength)
        {
            List<byte> bytes = new List<byte>(bodySize + bodySize / chunkSize * 12 + 256);
            bytes.AddRange(Latin1("HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"));
            headLength = bytes.Count;
            for (int at = 0; at < bodySize; at += chunkSize)
            {
                int size = Math.Min(chunkSize, bodySize - at);
                bytes.AddRange(Latin1(size.ToString("x") + "\r\n"));
                for (int i = 0; i < size; i++)
                {
                    bytes.Add((byte)((at + i) % 251));
                }

                bytes.AddRange(Latin1("\r\n"));
            }

            bytes.AddRange(Latin1("0\r\n\r\n"));
            return bytes.ToArray();
        }

        private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
    }
}
