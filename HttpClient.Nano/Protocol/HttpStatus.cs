namespace HttpNano
{
    /// <summary>
    /// HTTP status codes: every code CPython's <c>http.HTTPStatus</c> defines, under .NET names, and
    /// the reason phrases of <c>http.client.responses</c>. Plain constants and two literals: no
    /// table is built at run time.
    /// </summary>
    public static class HttpStatus
    {
        // Informational
        /// <summary>100 Continue.</summary>
        public const int Continue = 100;
        /// <summary>101 Switching Protocols.</summary>
        public const int SwitchingProtocols = 101;
        /// <summary>102 Processing.</summary>
        public const int Processing = 102;
        /// <summary>103 Early Hints.</summary>
        public const int EarlyHints = 103;

        // Success
        /// <summary>200 OK.</summary>
        public const int OK = 200;
        /// <summary>201 Created.</summary>
        public const int Created = 201;
        /// <summary>202 Accepted.</summary>
        public const int Accepted = 202;
        /// <summary>203 Non-Authoritative Information.</summary>
        public const int NonAuthoritativeInformation = 203;
        /// <summary>204 No Content.</summary>
        public const int NoContent = 204;
        /// <summary>205 Reset Content.</summary>
        public const int ResetContent = 205;
        /// <summary>206 Partial Content.</summary>
        public const int PartialContent = 206;
        /// <summary>207 Multi-Status.</summary>
        public const int MultiStatus = 207;
        /// <summary>208 Already Reported.</summary>
        public const int AlreadyReported = 208;
        /// <summary>226 IM Used.</summary>
        public const int IMUsed = 226;

        // Redirection
        /// <summary>300 Multiple Choices.</summary>
        public const int MultipleChoices = 300;
        /// <summary>301 Moved Permanently.</summary>
        public const int MovedPermanently = 301;
        /// <summary>302 Found.</summary>
        public const int Found = 302;
        /// <summary>303 See Other.</summary>
        public const int SeeOther = 303;
        /// <summary>304 Not Modified.</summary>
        public const int NotModified = 304;
        /// <summary>305 Use Proxy.</summary>
        public const int UseProxy = 305;
        /// <summary>307 Temporary Redirect.</summary>
        public const int TemporaryRedirect = 307;
        /// <summary>308 Permanent Redirect.</summary>
        public const int PermanentRedirect = 308;

        // Client error
        /// <summary>400 Bad Request.</summary>
        public const int BadRequest = 400;
        /// <summary>401 Unauthorized.</summary>
        public const int Unauthorized = 401;
        /// <summary>402 Payment Required.</summary>
        public const int PaymentRequired = 402;
        /// <summary>403 Forbidden.</summary>
        public const int Forbidden = 403;
        /// <summary>404 Not Found.</summary>
        public const int NotFound = 404;
        /// <summary>405 Method Not Allowed.</summary>
        public const int MethodNotAllowed = 405;
        /// <summary>406 Not Acceptable.</summary>
        public const int NotAcceptable = 406;
        /// <summary>407 Proxy Authentication Required.</summary>
        public const int ProxyAuthenticationRequired = 407;
        /// <summary>408 Request Timeout.</summary>
        public const int RequestTimeout = 408;
        /// <summary>409 Conflict.</summary>
        public const int Conflict = 409;
        /// <summary>410 Gone.</summary>
        public const int Gone = 410;
        /// <summary>411 Length Required.</summary>
        public const int LengthRequired = 411;
        /// <summary>412 Precondition Failed.</summary>
        public const int PreconditionFailed = 412;
        /// <summary>413 Content Too Large.</summary>
        public const int ContentTooLarge = 413;
        /// <summary>413, the older name of <see cref="ContentTooLarge"/>.</summary>
        public const int RequestEntityTooLarge = ContentTooLarge;
        /// <summary>414 URI Too Long.</summary>
        public const int UriTooLong = 414;
        /// <summary>414, the older name of <see cref="UriTooLong"/>.</summary>
        public const int RequestUriTooLong = UriTooLong;
        /// <summary>415 Unsupported Media Type.</summary>
        public const int UnsupportedMediaType = 415;
        /// <summary>416 Range Not Satisfiable.</summary>
        public const int RangeNotSatisfiable = 416;
        /// <summary>416, the older name of <see cref="RangeNotSatisfiable"/>.</summary>
        public const int RequestedRangeNotSatisfiable = RangeNotSatisfiable;
        /// <summary>417 Expectation Failed.</summary>
        public const int ExpectationFailed = 417;
        /// <summary>418 I'm a Teapot.</summary>
        public const int ImATeapot = 418;
        /// <summary>421 Misdirected Request.</summary>
        public const int MisdirectedRequest = 421;
        /// <summary>422 Unprocessable Content.</summary>
        public const int UnprocessableContent = 422;
        /// <summary>422, the older name of <see cref="UnprocessableContent"/>.</summary>
        public const int UnprocessableEntity = UnprocessableContent;
        /// <summary>423 Locked.</summary>
        public const int Locked = 423;
        /// <summary>424 Failed Dependency.</summary>
        public const int FailedDependency = 424;
        /// <summary>425 Too Early.</summary>
        public const int TooEarly = 425;
        /// <summary>426 Upgrade Required.</summary>
        public const int UpgradeRequired = 426;
        /// <summary>428 Precondition Required.</summary>
        public const int PreconditionRequired = 428;
        /// <summary>429 Too Many Requests.</summary>
        public const int TooManyRequests = 429;
        /// <summary>431 Request Header Fields Too Large.</summary>
        public const int RequestHeaderFieldsTooLarge = 431;
        /// <summary>451 Unavailable For Legal Reasons.</summary>
        public const int UnavailableForLegalReasons = 451;

        // Server error
        /// <summary>500 Internal Server Error.</summary>
        public const int InternalServerError = 500;
        /// <summary>501 Not Implemented.</summary>
        public const int NotImplemented = 501;
        /// <summary>502 Bad Gateway.</summary>
        public const int BadGateway = 502;
        /// <summary>503 Service Unavailable.</summary>
        public const int ServiceUnavailable = 503;
        /// <summary>504 Gateway Timeout.</summary>
        public const int GatewayTimeout = 504;
        /// <summary>505 HTTP Version Not Supported.</summary>
        public const int HttpVersionNotSupported = 505;
        /// <summary>506 Variant Also Negotiates.</summary>
        public const int VariantAlsoNegotiates = 506;
        /// <summary>507 Insufficient Storage.</summary>
        public const int InsufficientStorage = 507;
        /// <summary>508 Loop Detected.</summary>
        public const int LoopDetected = 508;
        /// <summary>510 Not Extended.</summary>
        public const int NotExtended = 510;
        /// <summary>511 Network Authentication Required.</summary>
        public const int NetworkAuthenticationRequired = 511;

        // The phrases in code order, separated by '|'. Each code is one more than the previous
        // one (from 99), plus the control chars (1-31) at the start of its phrase: one literal,
        // smaller in flash than a switch over 62 codes or a second literal of steps.
        private const string Phrases = "Continue|Switching Protocols|Processing|Early Hints|\u001f\u001f\u001f\u0003OK|Created|Accepted|Non-Authoritative Information|No Content|Reset Content|Partial Content|Multi-Status|Already Reported|\u0011IM Used|\u001f\u001f\u000bMultiple Choices|Moved Permanently|Found|See Other|Not Modified|Use Proxy|\u0001Temporary Redirect|Permanent Redirect|\u001f\u001f\u001dBad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Proxy Authentication Required|Request Timeout|Conflict|Gone|Length Required|Precondition Failed|Content Too Large|URI Too Long|Unsupported Media Type|Range Not Satisfiable|Expectation Failed|I'm a Teapot|\u0002Misdirected Request|Unprocessable Content|Locked|Failed Dependency|Too Early|Upgrade Required|\u0001Precondition Required|Too Many Requests|\u0001Request Header Fields Too Large|\u0013Unavailable For Legal Reasons|\u001f\u0011Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout|HTTP Version Not Supported|Variant Also Negotiates|Insufficient Storage|Loop Detected|\u0001Not Extended|Network Authentication Required";

        /// <summary>
        /// The reason phrase CPython's <c>http.client.responses</c> gives for
        /// <paramref name="status"/> (404 gives "Not Found"), or null for a code it does not know.
        /// </summary>
        public static string GetReasonPhrase(int status)
        {
            int code = 99;
            int start = 0;
            while (code < status && start < Phrases.Length)
            {
                code++;
                for (char c = Phrases[start]; c < ' '; c = Phrases[++start])
                {
                    code += c;
                }

                int end = Phrases.IndexOf('|', start);
                if (end < 0)
                {
                    end = Phrases.Length;
                }

                if (code == status)
                {
                    return Phrases.Substring(start, end - start);
                }

                start = end + 1;
            }

            return null;
        }
    }
}
