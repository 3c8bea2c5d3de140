namespace HttpNano
{
    /// <summary>
    /// The server closed the connection before sending any part of a response
    /// (Python's RemoteDisconnected). On a kept-alive connection this usually means the server
    /// timed the connection out; the next request reconnects automatically.
    /// </summary>
    public class RemoteDisconnectedException : BadStatusLineException
    {
        /// <summary>Creates the exception.</summary>
        public RemoteDisconnectedException() : base("", "remote end closed connection without response") { }
    }
}
