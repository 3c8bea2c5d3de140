using System;

namespace HttpNano
{
    public partial class HttpConnection
    {
        /// <summary>
        /// Reads the response to the request just sent (Python's getresponse). Interim 1xx
        /// responses are skipped. When the response says the connection will close, it takes
        /// the socket with it and the next request opens a new one.
        /// </summary>
        /// <exception cref="ResponseNotReadyException">No request was sent, or the previous response has not been read to its end.</exception>
        /// <exception cref="RemoteDisconnectedException">The server closed the connection without answering; the next request reconnects.</exception>
        public HttpResponse GetResponse()
        {
            if (_response != null && _response.IsClosed)
            {
                _response = null;
            }

            if (_state != ConnectionState.RequestSent || _response != null)
            {
                throw new ResponseNotReadyException();
            }

            ITransport transport = _transport;
            if (transport == null)
            {
                throw new ResponseNotReadyException();
            }

            ResponseReader reader = ReaderFor(transport);
            HttpResponse response = TakeResponseObject();
            _reused = true;
            try
            {
                response.Begin(this, reader, _writer.MethodIsHead);
            }
            catch
            {
                // A response that could not be read leaves the stream out of sync: never reuse it.
                Close();
                throw;
            }

            _state = ConnectionState.Idle;
            if (_debugLevel > 0)
            {
                PrintResponse(response);
            }

            if (response.WillClose)
            {
                // Like CPython, the closing response keeps the socket; this connection forgets it.
                _transport = null;
                _reader = null;
                _deadline = null;
                response.TakeTransport(transport);
            }
            else
            {
                _response = response;
            }

            return response;
        }

        /// <summary>
        /// Called by the current response when its body is over. A body that was not read to its
        /// end leaves unread bytes on the socket, so the socket cannot carry another request.
        /// </summary>
        internal void OnResponseDone(bool reusable)
        {
            if (!reusable)
            {
                ITransport transport = _transport;
                _transport = null;
                if (transport != null)
                {
                    transport.Close();
                }
            }
        }

        // The receive buffer is allocated once and follows the connection across reconnects,
        // unless a closing response still reads from it.
        private ResponseReader ReaderFor(ITransport transport)
        {
            if (_reader == null)
            {
                _reader = new ResponseReader(_limits, ResponseReader.DefaultReadWindow);
                _readerTransport = null;
            }

            ITransport source = transport;
            if (_responseTimeout != InfiniteTimeout)
            {
                if (_deadline == null)
                {
                    _deadline = new DeadlineTransport();
                }

                _deadline.Arm(transport, _timeout, _responseTimeout);
                source = _deadline;
            }

            if (_readerTransport != source || _readerSocket != transport)
            {
                // A new socket, or the deadline switched on or off. Bytes buffered from an old
                // socket mean nothing here; the socket's own timeout is restored.
                if (source == transport && _readerTransport == _deadline)
                {
                    transport.SetReceiveTimeout(_timeout);
                }

                _reader.Attach(source);
                _readerTransport = source;
                _readerSocket = transport;
            }

            return _reader;
        }

        // One response object per connection, reused once its body is over, so a keep-alive
        // request loop allocates nothing.
        private HttpResponse TakeResponseObject()
        {
            HttpResponse response = _spareResponse;
            if (response == null || !response.IsClosed)
            {
                response = new HttpResponse();
                _spareResponse = response;
            }

            return response;
        }

        private void PrintResponse(HttpResponse response)
        {
            DebugLog.WriteLine("reply: '" + (response.Version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ") + response.Status.ToString() + " " + response.Reason + "'");
            ResponseHead head = response.Head;
            for (int i = 0; i < head.Count; i++)
            {
                DebugLog.WriteLine("header: " + head.GetName(i) + ": " + head.GetValue(i));
            }
        }
    }
}
