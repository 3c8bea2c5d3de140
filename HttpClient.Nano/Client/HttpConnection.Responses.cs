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
                response.Begin(reader, _writer.MethodIsHead);
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
                // Like CPython, the closing response keeps the socket (its reader closes it at the
                // body's end); this connection forgets both and opens a new one next time.
                _transport = null;
                _reader = null;
            }
            else
            {
                _response = response;
            }

            return response;
        }

        /// <summary>Called by the reader when it closed <paramref name="transport"/>: the next request opens a new one.</summary>
        internal void Forget(ITransport transport)
        {
            if (_transport == transport)
            {
                _transport = null;
            }
        }

        // The receive buffer is allocated once and follows the connection across reconnects,
        // unless a closing response still reads from it. Every exchange starts its deadline here.
        private ResponseReader ReaderFor(ITransport transport)
        {
            if (_reader == null)
            {
                _reader = new ResponseReader(_limits, ResponseReader.DefaultReadWindow);
            }

            _reader.Start(this, transport, _timeout, _responseTimeout);
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
            TcpTransport.Debug("reply: '" + (response.Version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ") + response.Status.ToString() + " " + response.Reason + "'");
            ResponseHead head = response.Head;
            for (int i = 0; i < head.Count; i++)
            {
                TcpTransport.Debug("header: " + head.GetName(i) + ": " + head.GetValue(i));
            }
        }
    }
}
