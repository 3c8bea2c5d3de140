using System;
using System.IO;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>MultipartForm: the exact bytes of RFC 7578, a length known up front, rewinding, refusals.</summary>
    [TestClass]
    public class MultipartFormTests
    {
        // Everything the form gives, read in pieces of `piece` bytes.
        private static string ReadAll(MultipartForm form, int piece)
        {
            byte[] all = new byte[(int)form.Length + 16];
            int total = 0;
            int n;
            while ((n = form.Read(all, total, piece)) > 0)
            {
                total += n;
            }

            Assert.AreEqual((int)form.Length, total);
            return TestBytes.Text(all, 0, total);
        }

        private static string Boundary(MultipartForm form)
        {
            return form.ContentType.Substring(form.ContentType.IndexOf('=') + 1);
        }

        [DataRow(1)]
        [DataRow(7)]
        [DataRow(4096)]
        public void FieldsAndFilesMakeTheExactBody(int piece)
        {
            MultipartForm form = new MultipartForm();
            form.AddField("name", "caf\u00e9");
            form.AddFile("file", "a.bin", "application/x-test", new BodyStream(TestBytes.Of("0123456789"), true, false));
            form.AddField("last", "");
            string b = Boundary(form);
            string expected = "--" + b + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ncaf\u00c3\u00a9"
                + "\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/x-test\r\n\r\n0123456789"
                + "\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"last\"\r\n\r\n"
                + "\r\n--" + b + "--\r\n";
            Assert.AreEqual(expected, ReadAll(form, piece));
            Assert.AreEqual(expected.Length, (int)form.Length);
            Assert.IsTrue(form.ContentType.IndexOf("multipart/form-data; boundary=") == 0);
        }

        [TestMethod]
        public void EachFormHasItsOwnBoundary()
        {
            Assert.IsFalse(Boundary(new MultipartForm()) == Boundary(new MultipartForm()));
            Assert.IsTrue(Boundary(new MultipartForm()).Length >= 16);
        }

        [TestMethod]
        public void RewindGivesTheSameBytesAgain()
        {
            MultipartForm form = new MultipartForm();
            form.AddFile("f", "x", null, new BodyStream(TestBytes.Of("abc"), true, false));
            form.AddFile("g", "y", null, new BodyStream(TestBytes.Of("defg"), true, false));
            string first = ReadAll(form, 5);
            form.Position = 0;
            Assert.AreEqual(first, ReadAll(form, 3));
            Assert.IsTrue(first.IndexOf("Content-Type: application/octet-stream\r\n\r\nabc\r\n") > 0);
            Assert.ThrowsException(typeof(NotSupportedException), () => form.Position = 5);
        }

        [TestMethod]
        public void ForwardOnlyFileNeedsItsLengthAndCannotRewind()
        {
            MultipartForm form = new MultipartForm();
            form.AddFile("f", "x", "text/plain", new BodyStream(TestBytes.Of("abc"), false, false), 3);
            string once = ReadAll(form, 64);
            Assert.IsTrue(once.IndexOf("\r\n\r\nabc\r\n--") > 0);
            Assert.ThrowsException(typeof(NotSupportedException), () => form.Position = 0);
        }

        [TestMethod]
        public void FileShorterThanItsLengthFails()
        {
            MultipartForm form = new MultipartForm();
            form.AddFile("f", "x", "text/plain", new BodyStream(TestBytes.Of("abc"), false, false), 5);
            Assert.ThrowsException(typeof(IOException), () => ReadAll(form, 64));
        }

        [DataRow("a\"b", "f")]
        [DataRow("a\r\nb", "f")]
        [DataRow("a", "f\"")]
        [DataRow("a", "f\n")]
        public void QuoteOrLineBreakInANameIsRefused(string name, string fileName)
        {
            MultipartForm form = new MultipartForm();
            Assert.ThrowsException(typeof(ArgumentException), () => form.AddFile(name, fileName, null, new BodyStream(new byte[1], true, false)));
            Assert.ThrowsException(typeof(ArgumentException), () => form.AddField(name + fileName, "v"));
        }

        [TestMethod]
        public void FormGoesOutWithContentLength()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            MultipartForm form = new MultipartForm();
            form.AddField("a", "1");
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Content-Type", form.ContentType);
            connection.Request("POST", "/upload", form, headers);
            string sent = factory.Transport(0).SentText;
            Assert.IsTrue(sent.IndexOf("Content-Length: " + form.Length.ToString() + "\r\n") > 0, sent);
            Assert.AreEqual(-1, sent.IndexOf("chunked"));
        }
    }
}
