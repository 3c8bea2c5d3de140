using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// The endpoints of <see cref="KestrelServer"/>. Bodies are <see cref="BodyPattern"/> bytes
    /// unless stated otherwise; every endpoint answers any method, and HEAD gets the headers of
    /// the GET response without a body.
    /// <code>
    /// /content-length?size=N          200, Content-Length: N, N pattern bytes
    /// /chunked?size=N&amp;chunk=M         200, Transfer-Encoding: chunked, one flush (chunk) per M bytes
    /// /head?size=N                    like /content-length, plus X-Head: yes (meant for HEAD)
    /// /status/{code}                  that status; 204, 304 and HEAD without a body, others "status N\n"
    /// /echo                           the request body back, with X-Request-* framing headers
    /// /headers                        one "Name: value" line per request header value
    /// /expect                         like /echo; reading the body makes Kestrel send 100 Continue
    /// /expect?reject=C                status C (417, 401, ...) and Connection: close, body unread
    /// /expect?reject=C&amp;keep=1         the same without Connection: close: Kestrel then still
    ///                                 expects the announced body bytes on the connection
    /// /expect/auth                    401 (Connection: close, body unread) unless Authorization is present
    /// /large?size=N                   like /content-length but streamed in 64 KiB writes, N up to 1 GiB
    /// /slow?delayMs=D                 waits D ms, then 200 "slow\n"
    /// /slow-body?size=N&amp;chunk=M&amp;delayMs=D   Content-Length: N, M bytes every D ms
    /// /close                          200 "closing\n" with Connection: close
    /// </code>
    /// The X-Request-* headers on /echo and /expect: X-Request-Method, X-Request-Content-Length,
    /// X-Request-Transfer-Encoding and X-Request-Expect (each "none" when the request had none),
    /// and X-Request-Body-Length (bytes actually read).
    /// </summary>
    public static class KestrelEndpoints
    {
        /// <summary>The largest body /content-length, /chunked and /large produce.</summary>
        public const long MaxSize = 1L << 30;

        private const int WriteBlock = 64 * 1024;

        /// <summary>Adds every endpoint to the application.</summary>
        public static void Map(WebApplication app)
        {
            app.Map("/content-length", ContentLength);
            app.Map("/chunked", Chunked);
            app.Map("/head", Head);
            app.Map("/status/{code:int}", Status);
            app.Map("/echo", Echo);
            app.Map("/headers", Headers);
            app.Map("/expect", Expect);
            app.Map("/expect/auth", ExpectAuth);
            app.Map("/large", ContentLength);
            app.Map("/slow", Slow);
            app.Map("/slow-body", SlowBody);
            app.Map("/close", Close);
            app.Map("/norange", NoRange);
            app.Map("/form", Form);
        }

        private static Task ContentLength(HttpContext context)
        {
            long size = QueryLong(context, "size", 0);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = size;
            return WritePattern(context, size, WriteBlock, 0);
        }

        private static async Task Chunked(HttpContext context)
        {
            long size = QueryLong(context, "size", 0);
            int chunk = (int)Math.Max(1, Math.Min(QueryLong(context, "chunk", 1000), WriteBlock));
            context.Response.ContentType = "application/octet-stream";
            // Starting without a Content-Length is what makes Kestrel choose chunked framing.
            await context.Response.StartAsync(context.RequestAborted);
            await WritePattern(context, size, chunk, 0);
        }

        private static Task Head(HttpContext context)
        {
            context.Response.Headers["X-Head"] = "yes";
            return ContentLength(context);
        }

        private static Task Status(HttpContext context)
        {
            int code = int.Parse((string)context.Request.RouteValues["code"], CultureInfo.InvariantCulture);
            if (code < 200 || code > 599)
            {
                code = 400;
            }

            context.Response.StatusCode = code;
            if (code == 204 || code == 304)
            {
                if (code == 304)
                {
                    context.Response.Headers.ETag = "\"v1\"";
                }

                return Task.CompletedTask;
            }

            return WriteText(context, "status " + code.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        private static async Task Echo(HttpContext context)
        {
            byte[] body = await ReadBody(context);
            DescribeRequest(context, body.Length);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            }
        }

        private static Task Headers(HttpContext context)
        {
            StringBuilder text = new StringBuilder();
            foreach (var header in context.Request.Headers)
            {
                foreach (string value in header.Value)
                {
                    text.Append(header.Key).Append(": ").Append(value).Append('\n');
                }
            }

            return WriteText(context, text.ToString());
        }

        private static Task Expect(HttpContext context)
        {
            long reject = QueryLong(context, "reject", 0);
            if (reject != 0)
            {
                return Reject(context, (int)reject);
            }

            return Echo(context);
        }

        private static Task ExpectAuth(HttpContext context)
        {
            if (StringValues.IsNullOrEmpty(context.Request.Headers.Authorization))
            {
                return Reject(context, 401);
            }

            return Echo(context);
        }

        private static Task Reject(HttpContext context, int code)
        {
            context.Response.StatusCode = code;
            // Without this Kestrel keeps the connection and treats the next bytes as the body
            // it never asked for (RFC 9110 section 10.1.1 lets the server choose either way).
            if (QueryLong(context, "keep", 0) == 0)
            {
                context.Response.Headers.Connection = "close";
            }

            if (code == 401)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test\"";
            }

            DescribeRequest(context, 0);
            return WriteText(context, "rejected " + code.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        private static async Task Slow(HttpContext context)
        {
            await Task.Delay((int)QueryLong(context, "delayMs", 0), context.RequestAborted);
            await WriteText(context, "slow\n");
        }

        private static async Task SlowBody(HttpContext context)
        {
            long size = QueryLong(context, "size", 10);
            int chunk = (int)Math.Max(1, Math.Min(QueryLong(context, "chunk", 1), WriteBlock));
            int delay = (int)QueryLong(context, "delayMs", 100);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = size;
            await WritePattern(context, size, chunk, delay);
        }

        private static Task Close(HttpContext context)
        {
            context.Response.Headers.Connection = "close";
            return WriteText(context, "closing\n");
        }

        // Pattern bytes of ?size=N with a strong ETag, always 200: an origin that ignores Range.
        private static Task NoRange(HttpContext context)
        {
            long size = QueryLong(context, "size", 0);
            context.Response.ContentLength = size;
            context.Response.Headers.ETag = "\"norange\"";
            return WritePattern(context, size, 64 * 1024, 0);
        }

        // Reads a multipart/form-data body with ASP.NET Core's form reader and describes it, one
        // line per part: "field NAME=VALUE" or "file NAME FILENAME CONTENT-TYPE LENGTH SHA256".
        private static async Task Form(HttpContext context)
        {
            IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
            StringBuilder text = new StringBuilder();
            foreach (KeyValuePair<string, StringValues> field in form)
            {
                text.Append("field ").Append(field.Key).Append('=').Append(field.Value.ToString()).Append('\n');
            }

            foreach (IFormFile file in form.Files)
            {
                using Stream content = file.OpenReadStream();
                byte[] hash = await System.Security.Cryptography.SHA256.HashDataAsync(content, context.RequestAborted);
                text.Append("file ").Append(file.Name).Append(' ').Append(file.FileName).Append(' ').Append(file.ContentType)
                    .Append(' ').Append(file.Length).Append(' ').Append(Convert.ToHexString(hash)).Append('\n');
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }

        private static async Task WritePattern(HttpContext context, long size, int block, int delayMs)
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            byte[] buffer = new byte[block];
            for (long sent = 0; sent < size;)
            {
                int count = (int)Math.Min(block, size - sent);
                BodyPattern.Fill(buffer, 0, count, sent);
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, count), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                sent += count;
                if (delayMs > 0 && sent < size)
                {
                    await Task.Delay(delayMs, context.RequestAborted);
                }
            }
        }

        private static Task WriteText(HttpContext context, string text)
        {
            byte[] bytes = Encoding.Latin1.GetBytes(text);
            context.Response.ContentType ??= "text/plain";
            context.Response.ContentLength = bytes.Length;
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return Task.CompletedTask;
            }

            return context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
        }

        private static async Task<byte[]> ReadBody(HttpContext context)
        {
            using MemoryStream body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            return body.ToArray();
        }

        private static void DescribeRequest(HttpContext context, long bodyLength)
        {
            IHeaderDictionary request = context.Request.Headers;
            IHeaderDictionary response = context.Response.Headers;
            response["X-Request-Method"] = context.Request.Method;
            response["X-Request-Content-Length"] = OrNone(request["Content-Length"]);
            response["X-Request-Transfer-Encoding"] = OrNone(request.TransferEncoding);
            response["X-Request-Expect"] = OrNone(request.Expect);
            response["X-Request-Body-Length"] = bodyLength.ToString(CultureInfo.InvariantCulture);
        }

        private static string OrNone(StringValues value) => StringValues.IsNullOrEmpty(value) ? "none" : value.ToString();

        private static long QueryLong(HttpContext context, string name, long fallback)
        {
            string text = context.Request.Query[name];
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            return BodyPattern.CheckSize(long.Parse(text, CultureInfo.InvariantCulture), MaxSize);
        }
    }
}
