using System;

namespace HttpNano
{
    /// <summary>
    /// The seam between the connection and the network: one open byte stream to one server.
    /// TCP, TLS and the scripted transport of the tests implement it.
    /// </summary>
    internal interface ITransport : IDisposable
    {
        /// <summary>
        /// Receives up to <paramref name="count"/> bytes, blocking until at least one arrives.
        /// Returns 0 only when the peer has closed the stream, never for "no data yet".
        /// Throws <see cref="System.IO.IOException"/> on timeout or reset.
        /// </summary>
        int Receive(byte[] buffer, int offset, int count);

        /// <summary>Sends all <paramref name="count"/> bytes or throws.</summary>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Closes the stream; safe to call more than once.</summary>
        void Close();
    }
}
