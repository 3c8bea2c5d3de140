// Source: nanoframework/System.Net, nanoFramework.System.Net/Security/SslStream.cs (client members only).
// Built from a connected Socket, not from a Stream; the CA goes in as an argument.
namespace System.Net.Security
{
    using System.Net.Sockets;
    using System.Security.Cryptography.X509Certificates;

    /// <summary>TLS over a connected socket.</summary>
    public class SslStream : NetworkStream
    {
        /// <summary>Creates the stream over a connected TCP socket.</summary>
        public SslStream(Socket socket) : base(socket, false) { throw null; }

        /// <summary>Verification scheme; CertificateRequired by default.</summary>
        public SslVerification SslVerification
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Use the certificate stored on the device as the client certificate.</summary>
        public bool UseStoredDeviceCertificate
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Handshake as a client (SNI and host-name check from <paramref name="targetHost"/>).</summary>
        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { throw null; }

        /// <summary>Handshake as a client with a client certificate.</summary>
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { throw null; }

        /// <summary>Handshake as a client with a client certificate and a CA.</summary>
        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols) { throw null; }

        /// <summary>Whether this side is the server.</summary>
        public bool IsServer => throw null;

        /// <summary>Decrypted bytes available.</summary>
        public override long Length => throw null;

        /// <summary>Whether decrypted data is waiting.</summary>
        public override bool DataAvailable => throw null;

        /// <summary>Closes the TLS session and the socket.</summary>
        protected override void Dispose(bool disposing) { throw null; }

        /// <summary>Reads up to <paramref name="size"/> decrypted bytes.</summary>
        public override int Read(byte[] buffer, int offset, int size) { throw null; }

        /// <summary>Writes <paramref name="size"/> bytes.</summary>
        public override void Write(byte[] buffer, int offset, int size) { throw null; }
    }
}
