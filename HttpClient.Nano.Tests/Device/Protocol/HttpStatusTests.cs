using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpStatusTests
    {
        [DataRow(HttpStatus.Continue, 100, "Continue")]
        [DataRow(HttpStatus.EarlyHints, 103, "Early Hints")]
        [DataRow(HttpStatus.OK, 200, "OK")]
        [DataRow(HttpStatus.NonAuthoritativeInformation, 203, "Non-Authoritative Information")]
        [DataRow(HttpStatus.NoContent, 204, "No Content")]
        [DataRow(HttpStatus.MultiStatus, 207, "Multi-Status")]
        [DataRow(HttpStatus.IMUsed, 226, "IM Used")]
        [DataRow(HttpStatus.NotModified, 304, "Not Modified")]
        [DataRow(HttpStatus.PermanentRedirect, 308, "Permanent Redirect")]
        [DataRow(HttpStatus.NotFound, 404, "Not Found")]
        [DataRow(HttpStatus.ContentTooLarge, 413, "Content Too Large")]
        [DataRow(HttpStatus.RequestEntityTooLarge, 413, "Content Too Large")]
        [DataRow(HttpStatus.UriTooLong, 414, "URI Too Long")]
        [DataRow(HttpStatus.RequestUriTooLong, 414, "URI Too Long")]
        [DataRow(HttpStatus.RangeNotSatisfiable, 416, "Range Not Satisfiable")]
        [DataRow(HttpStatus.RequestedRangeNotSatisfiable, 416, "Range Not Satisfiable")]
        [DataRow(HttpStatus.ImATeapot, 418, "I'm a Teapot")]
        [DataRow(HttpStatus.MisdirectedRequest, 421, "Misdirected Request")]
        [DataRow(HttpStatus.UnprocessableContent, 422, "Unprocessable Content")]
        [DataRow(HttpStatus.UnprocessableEntity, 422, "Unprocessable Content")]
        [DataRow(HttpStatus.TooEarly, 425, "Too Early")]
        [DataRow(HttpStatus.TooManyRequests, 429, "Too Many Requests")]
        [DataRow(HttpStatus.RequestHeaderFieldsTooLarge, 431, "Request Header Fields Too Large")]
        [DataRow(HttpStatus.UnavailableForLegalReasons, 451, "Unavailable For Legal Reasons")]
        [DataRow(HttpStatus.InternalServerError, 500, "Internal Server Error")]
        [DataRow(HttpStatus.HttpVersionNotSupported, 505, "HTTP Version Not Supported")]
        [DataRow(HttpStatus.NotExtended, 510, "Not Extended")]
        [DataRow(HttpStatus.NetworkAuthenticationRequired, 511, "Network Authentication Required")]
        public void CodeAndPhraseMatchPython(int constant, int code, string phrase)
        {
            Assert.AreEqual(code, constant);
            Assert.AreEqual(phrase, HttpStatus.GetReasonPhrase(code));
        }

        [DataRow(0)]
        [DataRow(-1)]
        [DataRow(99)]
        [DataRow(104)]
        [DataRow(306)]
        [DataRow(419)]
        [DataRow(420)]
        [DataRow(427)]
        [DataRow(430)]
        [DataRow(509)]
        [DataRow(512)]
        [DataRow(600)]
        [DataRow(999)]
        public void UnknownCodeHasNoPhrase(int code)
        {
            Assert.IsNull(HttpStatus.GetReasonPhrase(code));
        }

        [TestMethod]
        public void PythonDefinesSixtyTwoCodes()
        {
            int known = 0;
            for (int code = 0; code < 1000; code++)
            {
                if (HttpStatus.GetReasonPhrase(code) != null)
                {
                    known++;
                }
            }

            Assert.AreEqual(62, known);
        }
    }
}
