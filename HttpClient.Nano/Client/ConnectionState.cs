namespace HttpNano
{
    /// <summary>
    /// Where an <see cref="HttpConnection"/> is in sending a request (CPython's states):
    /// <code>
    ///   Idle --PutRequest--> RequestStarted --PutHeader*, EndHeaders--> RequestSent
    ///    ^                                                                  |
    ///    +----------------------------- GetResponse ------------------------+
    ///
    ///   PutRequest outside Idle               -> CannotSendRequestException
    ///   PutHeader/EndHeaders outside Started  -> CannotSendHeaderException
    ///   GetResponse outside Sent, or while the previous response is unread
    ///                                         -> ResponseNotReadyException
    ///   Close, or any protocol error          -> Idle, socket closed
    /// </code>
    /// </summary>
    internal enum ConnectionState
    {
        /// <summary>No request under way: PutRequest may start one.</summary>
        Idle,

        /// <summary>The request line is written; headers may follow.</summary>
        RequestStarted,

        /// <summary>The head (and body, if any) went out; GetResponse reads the answer.</summary>
        RequestSent
    }
}
