using System;
using System.IO;

namespace HttpNano
{
    public partial class HttpConnection
    {
        private const string ContentLengthName = "Content-Length";
        private const string TransferEncodingName = "Transfer-Encoding";
        private const string ExpectName = "Expect";
        private const string ContinueValue = "100-continue";

        /// <summary>Sends a request without a body (Python's request(method, url)).</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query, e.g. "/index.html", or an absolute URL for a proxy; "" means "/".</param>
        public void Request(string method, string url)
        {
            SendRequest(method, url, null, null, null, null, false);
        }

        /// <summary>Sends a request without a body, with extra headers.</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="headers">Headers to send; Host, Accept-Encoding and the body framing headers are added unless present.</param>
        public void Request(string method, string url, HttpHeaders headers)
        {
            SendRequest(method, url, null, null, null, headers, false);
        }

        /// <summary>Sends a request with a byte body (null for none); Content-Length is added.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        public void Request(string method, string url, byte[] body)
        {
            SendRequest(method, url, body, null, null, null, false);
        }

        /// <summary>Sends a request with a byte body and extra headers.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        public void Request(string method, string url, byte[] body, HttpHeaders headers)
        {
            SendRequest(method, url, body, null, null, headers, false);
        }

        /// <summary>Sends a request with a byte body and extra headers, chunk-encoding the body if asked.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, byte[] body, HttpHeaders headers, bool encodeChunked)
        {
            SendRequest(method, url, body, null, null, headers, encodeChunked);
        }

        /// <summary>Sends a request with a text body encoded as UTF-8 (CPython uses Latin-1).</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        public void Request(string method, string url, string body)
        {
            SendRequest(method, url, null, body, null, null, false);
        }

        /// <summary>Sends a request with a UTF-8 text body and extra headers.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        public void Request(string method, string url, string body, HttpHeaders headers)
        {
            SendRequest(method, url, null, body, null, headers, false);
        }

        /// <summary>Sends a request with a UTF-8 text body and extra headers, chunk-encoding the body if asked.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, string body, HttpHeaders headers, bool encodeChunked)
        {
            SendRequest(method, url, null, body, null, headers, encodeChunked);
        }

        /// <summary>
        /// Sends a request whose body is read from <paramref name="body"/> in blocks of
        /// <see cref="BlockSize"/>: with Content-Length when the stream can seek (its remaining
        /// length), chunked otherwise. A read returning 0 ends the body.
        /// </summary>
        /// <param name="method">The method, e.g. "PUT".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body stream, or null.</param>
        public void Request(string method, string url, Stream body)
        {
            SendRequest(method, url, null, null, body, null, false);
        }

        /// <summary>Sends a request with a stream body and extra headers.</summary>
        /// <param name="method">The method, e.g. "PUT".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body stream, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        public void Request(string method, string url, Stream body, HttpHeaders headers)
        {
            SendRequest(method, url, null, null, body, headers, false);
        }

        /// <summary>Sends a request with a stream body and extra headers, chunk-encoding the body if asked.</summary>
        /// <param name="method">The method, e.g. "PUT".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body stream, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, Stream body, HttpHeaders headers, bool encodeChunked)
        {
            SendRequest(method, url, null, null, body, headers, encodeChunked);
        }

        /// <summary>Starts a request: the request line, Host and Accept-Encoding (Python's putrequest).</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query; "" means "/".</param>
        public void PutRequest(string method, string url)
        {
            PutRequest(method, url, false, false);
        }

        /// <summary>Starts a request, optionally without the automatic Host or Accept-Encoding header.</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query; "" means "/".</param>
        /// <param name="skipHost">Do not add Host (the caller sends its own).</param>
        /// <param name="skipAcceptEncoding">Do not add "Accept-Encoding: identity".</param>
        /// <exception cref="CannotSendRequestException">A request is already under way.</exception>
        public void PutRequest(string method, string url, bool skipHost, bool skipAcceptEncoding)
        {
            if (_response != null && _response.IsClosed)
            {
                _response = null;
            }

            if (_state != ConnectionState.Idle)
            {
                throw new CannotSendRequestException();
            }

            _writer.PutRequest(method, url, skipHost ? null : HostHeaderValue, skipAcceptEncoding);
            _state = ConnectionState.RequestStarted;
            ReplaceIfClosedByPeer();
        }

        /// <summary>Adds a header to the request being started (Python's putheader).</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The field value.</param>
        /// <exception cref="CannotSendHeaderException">No request has been started.</exception>
        /// <exception cref="ArgumentException">The name or value would break the message (CR, LF, colon...).</exception>
        public void PutHeader(string name, string value)
        {
            RequireStarted();
            _writer.WriteHeader(name, value);
        }

        /// <summary>Adds a header with a number value.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The value, written in decimal.</param>
        public void PutHeader(string name, int value)
        {
            RequireStarted();
            _writer.WriteHeader(name, (long)value);
        }

        /// <summary>Adds a header with several values, continued on folded lines as CPython does.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="values">The values.</param>
        public void PutHeader(string name, params string[] values)
        {
            RequireStarted();
            _writer.WriteHeader(name, values);
        }

        /// <summary>Ends the head and sends it (Python's endheaders).</summary>
        public void EndHeaders()
        {
            EndHeaders(null, false);
        }

        /// <summary>Ends the head and sends it together with <paramref name="body"/>.</summary>
        /// <param name="body">The body, or null.</param>
        public void EndHeaders(byte[] body)
        {
            EndHeaders(body, false);
        }

        /// <summary>Ends the head and sends it with <paramref name="body"/>, chunk-encoded if asked.</summary>
        /// <param name="body">The body, or null.</param>
        /// <param name="encodeChunked">Send the body as one chunk and the last chunk.</param>
        /// <exception cref="CannotSendHeaderException">No request has been started.</exception>
        public void EndHeaders(byte[] body, bool encodeChunked)
        {
            if (_state != ConnectionState.RequestStarted)
            {
                throw new CannotSendHeaderException();
            }

            _writer.EndHeaders();
            _state = ConnectionState.RequestSent;
            SendHeadAndBytes(body, encodeChunked);
        }

        /// <summary>Sends raw bytes on the connection, opening it if needed (Python's send).</summary>
        /// <param name="data">The bytes.</param>
        public void Send(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            Send(data, 0, data.Length);
        }

        /// <summary>Sends <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte to send.</param>
        /// <param name="count">How many bytes.</param>
        public void Send(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            SendRaw(data, offset, count);
        }

        private void RequireStarted()
        {
            if (_state != ConnectionState.RequestStarted)
            {
                throw new CannotSendHeaderException();
            }
        }

        // Python's _send_request: framing headers by CPython's rules, caller's headers, body.
        private void SendRequest(string method, string url, byte[] bytes, string text, Stream stream, HttpHeaders headers, bool encodeChunked)
        {
            bool skipHost = headers != null && headers.Contains("Host");
            bool skipAcceptEncoding = headers != null && headers.Contains("Accept-Encoding");
            PutRequest(method, url, skipHost, skipAcceptEncoding);

            long bodyLength = RequestWriter.NoBody;
            if (bytes != null)
            {
                bodyLength = bytes.Length;
            }
            else if (text != null)
            {
                bodyLength = Ascii.Utf8Length(text);
            }
            else if (stream != null)
            {
                bodyLength = stream.CanSeek ? stream.Length - stream.Position : RequestWriter.UnknownLength;
            }

            bool expectContinue = _expectContinue && bodyLength != RequestWriter.NoBody && bodyLength != 0
                && (headers == null || !headers.Contains(ExpectName));
            long contentLength;
            int framing = RequestWriter.Decide(_writer.MethodExpectsBody, bodyLength,
                headers != null && headers.Contains(ContentLengthName),
                headers != null && headers.Contains(TransferEncodingName),
                encodeChunked, out contentLength);
            try
            {
                if (framing == RequestWriter.AddContentLength)
                {
                    _writer.WriteHeader(ContentLengthName, contentLength);
                }
                else if (framing == RequestWriter.AddChunked)
                {
                    _writer.WriteHeader(TransferEncodingName, RequestWriter.ChunkedValue);
                }

                if (expectContinue)
                {
                    _writer.WriteHeader(ExpectName, ContinueValue);
                }

                if (headers != null)
                {
                    for (int i = 0; i < headers.Count; i++)
                    {
                        _writer.WriteHeader(headers.GetName(i), headers.GetValue(i));
                    }
                }
            }
            catch
            {
                // A rejected header leaves nothing half-sent: the request never started.
                _state = ConnectionState.Idle;
                throw;
            }

            bool chunked = framing == RequestWriter.AddChunked || framing == RequestWriter.ChunkEncodeOnly;
            if (expectContinue)
            {
                EndHeadersOnly();
                if (!AwaitContinue())
                {
                    return;
                }

                if (bytes != null)
                {
                    SendBytes(bytes, chunked);
                    return;
                }
            }

            if (text != null)
            {
                if (!expectContinue)
                {
                    EndHeadersOnly();
                }

                SendText(text, chunked);
            }
            else if (stream != null)
            {
                if (!expectContinue)
                {
                    EndHeadersOnly();
                }

                SendStream(stream, chunked);
            }
            else
            {
                EndHeaders(bytes, chunked);
            }
        }

        // The head went out with "Expect: 100-continue": true to send the body ("100 Continue",
        // or no answer within ContinueTimeout), false when a final response came first.
        private bool AwaitContinue()
        {
            ITransport transport = _transport;
            if (!transport.Poll(_continueTimeout))
            {
                return true;
            }

            try
            {
                return ReaderFor(transport).ReadContinue();
            }
            catch
            {
                Close();
                throw;
            }
        }

        private void EndHeadersOnly()
        {
            _writer.EndHeaders();
            _state = ConnectionState.RequestSent;
            SendRaw(_writer.Buffer, 0, _writer.Length);
        }
    }
}
