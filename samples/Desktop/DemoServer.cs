using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HttpNano.Samples.Desktop
{
    /// <summary>A Kestrel server on 127.0.0.1 with a free port, for the walkthrough.</summary>
    internal sealed class DemoServer : IDisposable
    {
        private readonly WebApplication _app;
        private int _connections;

        public DemoServer()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options =>
                options.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => context =>
                {
                    Interlocked.Increment(ref _connections);
                    return next(context);
                })));
            _app = builder.Build();
            _app.MapGet("/hello", () => "Hello from Kestrel\n");
            _app.MapGet("/moved", () => Results.Redirect("/hello"));
            _app.MapPost("/echo", async (HttpContext context) =>
            {
                context.Response.ContentType = context.Request.ContentType ?? "application/octet-stream";
                await context.Request.Body.CopyToAsync(context.Response.Body);
            });
            _app.MapGet("/chunked", async (HttpContext context) =>
            {
                int count = int.Parse(context.Request.Query["lines"].ToString() is { Length: > 0 } n ? n : "5");
                context.Response.ContentType = "text/plain";
                for (int i = 1; i <= count; i++)
                {
                    await context.Response.WriteAsync("line " + i + " of " + count + "\n");
                    await context.Response.Body.FlushAsync();
                }
            });
            _app.MapPut("/upload", async (HttpContext context) =>
            {
                long total = 0;
                byte[] buffer = new byte[8192];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                string framing = context.Request.Headers.TransferEncoding.Count > 0 ? "chunked" : "content-length";
                await context.Response.WriteAsync("received " + total + " bytes (" + framing + ")\n");
            });
            _app.StartAsync().GetAwaiter().GetResult();
            Port = new Uri(FirstUrl()).Port;
        }

        /// <summary>The port Kestrel chose.</summary>
        public int Port { get; }

        /// <summary>TCP connections accepted so far.</summary>
        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _app.StopAsync().GetAwaiter().GetResult();
            ((IAsyncDisposable)_app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        private string FirstUrl()
        {
            foreach (string url in _app.Urls)
            {
                return url;
            }

            throw new InvalidOperationException("the server has no address");
        }
    }
}
