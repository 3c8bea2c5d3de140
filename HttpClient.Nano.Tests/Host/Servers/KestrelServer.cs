using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// An in-process ASP.NET Core server (Kestrel, HTTP/1.1 only) on 127.0.0.1 and a free port,
    /// serving the endpoints in <see cref="KestrelEndpoints"/>. It counts accepted TCP
    /// connections so a test can prove keep-alive reuse. Use it as an xunit fixture or in a
    /// using block; Dispose stops it within a few seconds.
    /// </summary>
    public sealed class KestrelServer : IDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

        private readonly WebApplication _app;
        private int _acceptedConnections;
        private int _openConnections;
        private int _requests;
        private int _disposed;

        /// <summary>Starts a plain-HTTP server.</summary>
        public KestrelServer()
            : this(null)
        {
        }

        // One public constructor: xunit builds fixtures only through a single public constructor.
        private KestrelServer(X509Certificate2 certificate)
        {
            IsHttps = certificate != null;
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = "Production",
            });
            builder.Logging.ClearProviders();
            if (IsHttps)
            {
                builder.WebHost.UseKestrelHttpsConfiguration();
            }

            builder.WebHost.ConfigureKestrel(kestrel => Configure(kestrel, certificate));
            _app = builder.Build();
            _app.Use(CountRequest);
            KestrelEndpoints.Map(_app);

            try
            {
                if (!_app.StartAsync().Wait(StartTimeout))
                {
                    throw new TimeoutException("Kestrel did not start");
                }
            }
            catch
            {
                ((IDisposable)_app).Dispose();
                throw;
            }

            IServerAddressesFeature addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            Port = new Uri(addresses.Addresses.First()).Port;
            BaseUri = new Uri((IsHttps ? "https" : "http") + "://127.0.0.1:" + Port + "/");
        }

        /// <summary>
        /// Starts a server that speaks TLS with <paramref name="certificate"/>, which must hold a
        /// private key (see <see cref="TestCertificates"/>).
        /// </summary>
        public static KestrelServer WithCertificate(X509Certificate2 certificate)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return new KestrelServer(certificate);
        }

        /// <summary>The loopback port Kestrel chose.</summary>
        public int Port { get; }

        /// <summary>Always 127.0.0.1.</summary>
        public string Host => "127.0.0.1";

        /// <summary>http://127.0.0.1:port/ (https when started with a certificate).</summary>
        public Uri BaseUri { get; }

        /// <summary>True when the server speaks TLS.</summary>
        public bool IsHttps { get; }

        /// <summary>TCP connections accepted since start (or since <see cref="ResetCounters"/>).</summary>
        public int AcceptedConnections => Volatile.Read(ref _acceptedConnections);

        /// <summary>TCP connections currently open.</summary>
        public int OpenConnections => Volatile.Read(ref _openConnections);

        /// <summary>HTTP requests that reached the application since start (or since <see cref="ResetCounters"/>).</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>An absolute URI for a path and query such as "/chunked?size=10".</summary>
        public Uri Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery);

        /// <summary>Sets the accepted-connection and request counters back to zero.</summary>
        public void ResetCounters()
        {
            Interlocked.Exchange(ref _acceptedConnections, 0);
            Interlocked.Exchange(ref _requests, 0);
        }

        /// <summary>
        /// Waits until no connection is open (the client closed or Kestrel timed them out), up to
        /// <paramref name="timeout"/>; true when that happened.
        /// </summary>
        public bool WaitForNoOpenConnections(TimeSpan timeout)
        {
            return SpinWait.SpinUntil(() => OpenConnections == 0, timeout);
        }

        /// <summary>Stops Kestrel, closing open connections.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            using CancellationTokenSource stopping = new CancellationTokenSource(StopTimeout);
            try
            {
                _app.StopAsync(stopping.Token).Wait(StopTimeout + StopTimeout);
            }
            catch (AggregateException)
            {
                // Stopping was cut short after StopTimeout; disposing closes what is left.
            }
            finally
            {
                ((IDisposable)_app).Dispose();
            }
        }

        private void Configure(KestrelServerOptions kestrel, X509Certificate2 certificate)
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            // Slow-client tests pace their own bytes; Kestrel must not drop them for it.
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                // Before UseHttps, so it counts TCP connections, not TLS sessions.
                listen.Use(CountConnection);
                if (certificate != null)
                {
                    listen.UseHttps(certificate);
                }
            });
        }

        private ConnectionDelegate CountConnection(ConnectionDelegate next)
        {
            return async connection =>
            {
                Interlocked.Increment(ref _acceptedConnections);
                Interlocked.Increment(ref _openConnections);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref _openConnections);
                }
            };
        }

        private RequestDelegate CountRequest(RequestDelegate next)
        {
            return context =>
            {
                Interlocked.Increment(ref _requests);
                return next(context);
            };
        }
    }
}
