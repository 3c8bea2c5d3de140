using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HeaderFieldTests
    {
        // Each case: a head, a header name, and GetHeader's expected result ("<null>" for null).
        [DataRow("HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", "server", "x")]
        [DataRow("HTTP/1.1 200 OK\nServer: x\n\n", "Server", "x")]
        [DataRow("HTTP/1.1 200 OK\r\nServer: x\n\r\n", "SERVER", "x")]
        [DataRow("HTTP/1.1 200 OK\r\nServer:x\r\n\r\n", "Server", "x")]
        [DataRow("HTTP/1.1 200 OK\r\nServer: \t x y \t\r\n\r\n", "Server", "x y")]
        [DataRow("HTTP/1.1 200 OK\r\nEmpty:\r\n\r\n", "Empty", "")]
        [DataRow("HTTP/1.1 200 OK\r\nEmpty:   \r\n\r\n", "Empty", "")]
        [DataRow("HTTP/1.1 200 OK\r\nA: 1\r\n\r\n", "B", "<null>")]
        [DataRow("HTTP/1.1 200 OK\r\nA: 1\r\nA: 2\r\nB: x\r\nA: 3\r\n\r\n", "a", "1, 2, 3")]
        [DataRow("HTTP/1.1 200 OK\r\nA: 1\r\nA:\r\nA: 3\r\n\r\n", "A", "1, , 3")]
        [DataRow("HTTP/1.1 200 OK\r\nFirst: val\r\n: nval\r\nSecond: val\r\n\r\n", "Second", "val")]
        [DataRow("HTTP/1.1 200 OK\r\nFirst: val\r\n: nval\r\n folded\r\nSecond: val\r\n\r\n", "First", "val")]
        [DataRow("HTTP/1.1 200 OK\r\nobs-fold: text\r\n folded with space\r\n\tfolded with tab\r\nContent-Length: 0\r\n\r\n", "obs-fold", "text folded with space folded with tab")]
        [DataRow("HTTP/1.1 200 OK\r\nF:\r\n  later\r\n\r\n", "F", "later")]
        [DataRow("HTTP/1.1 200 OK\r\nF: a \r\n   \r\n\r\n", "F", "a")]
        [DataRow("HTTP/1.1 200 OK\n F: ignored\nG: g\n\n", "G", "g")]
        [DataRow("HTTP/1.1 200 OK\r\nBare: a\rb\r\n\r\n", "Bare", "a b")]
        [DataRow("HTTP/1.1 200 OK\r\nX: caf\u00e9\u00ff\u0080\r\n\r\n", "X", "caf\u00e9\u00ff\u0080")]
        [DataRow("HTTP/1.1 200 OK\r\nSet-Cookie: Customer=\"WILE_E_COYOTE\"; Version=\"1\"; Path=\"/acme\"\r\nSet-Cookie: Part_Number=\"Rocket_Launcher_0001\"; Version=\"1\"; Path=\"/acme\"\r\n\r\n", "Set-Cookie", "Customer=\"WILE_E_COYOTE\"; Version=\"1\"; Path=\"/acme\", Part_Number=\"Rocket_Launcher_0001\"; Version=\"1\"; Path=\"/acme\"")]
        public void GetHeaderReturnsJoinedTrimmedValue(string head, string name, string expected)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                int consumed;
                ResponseHead parser = ResponseHarness.ParseHead(head + ResponseHarness.NextResponse, piece, out consumed);
                Assert.IsTrue(parser.IsComplete);
                Assert.AreEqual(head.Length, consumed);
                string value = parser.GetHeader(name);
                Assert.AreEqual(expected, value == null ? "<null>" : value);
            }
        }

        [TestMethod]
        public void AllValidFieldOctetsParse()
        {
            // CPython's test_parse_all_octets: token characters, every VCHAR, every obs-text octet, obs-fold.
            char[] vchar = new char[0x7E - 0x21 + 1];
            for (int i = 0; i < vchar.Length; i++)
            {
                vchar[i] = (char)(0x21 + i);
            }

            char[] obsText = new char[0x100 - 0x80];
            for (int i = 0; i < obsText.Length; i++)
            {
                obsText[i] = (char)(0x80 + i);
            }

            string vcharText = new string(vchar);
            string obsTextText = new string(obsText);
            string head = "HTTP/1.1 200 OK\r\n"
                + "!#$%&'*+-.^_`|~: value\r\n"
                + "VCHAR: " + vcharText + "\r\n"
                + "obs-text: " + obsTextText + "\r\n"
                + "obs-fold: text\r\n"
                + " folded with space\r\n"
                + "\tfolded with tab\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                int consumed;
                ResponseHead parsed = ResponseHarness.ParseHead(head + ResponseHarness.NextResponse, piece, out consumed);
                Assert.AreEqual(head.Length, consumed);
                Assert.AreEqual(5, parsed.Count);
                Assert.AreEqual("0", parsed.GetHeader("Content-Length"));
                Assert.AreEqual("value", parsed.GetHeader("!#$%&'*+-.^_`|~"));
                Assert.AreEqual(vcharText, parsed.GetHeader("VCHAR"));
                Assert.AreEqual(obsTextText, parsed.GetHeader("obs-text"));
                string folded = parsed.GetHeader("obs-fold");
                Assert.IsTrue(folded.StartsWith("text"));
                Assert.IsTrue(folded.IndexOf(" folded with space") >= 0);
                Assert.IsTrue(folded.EndsWith("folded with tab"));
                Assert.AreEqual("text folded with space folded with tab", folded);
            }
        }

        [TestMethod]
        public void FieldsKeepReceivedOrderAndSpelling()
        {
            ResponseHead head = ResponseHarness.Head("HTTP/1.1 200 OK\r\nB: 1\r\nset-COOKIE: a\r\nA: 2\r\nSet-Cookie: b\r\n\r\n");
            Assert.AreEqual(4, head.Count);
            Assert.AreEqual("B", head.GetName(0));
            Assert.AreEqual("set-COOKIE", head.GetName(1));
            Assert.AreEqual("a", head.GetValue(1));
            Assert.AreEqual("A", head.GetName(2));
            Assert.AreEqual("Set-Cookie", head.GetName(3));
            Assert.AreEqual("b", head.GetValue(3));
            Assert.AreEqual(1, head.IndexOf("Set-Cookie", 1));
            Assert.IsFalse(head.IndexOf("A", 0) == 0);
            Assert.AreEqual(1, head.IndexOf("SET-cookie", 0));
            Assert.AreEqual(3, head.IndexOf("SET-cookie", 2));
            Assert.AreEqual(-1, head.IndexOf("SET-cookie", 4));
            Assert.AreEqual(-1, head.IndexOf("Set-Cookies", 0));
        }

        // A NUL in a field value reads as SP (RFC 9110 section 5.5), as a bare CR does: on the
        // device a string ends at NUL, so "a\0b" would read as "a". The scripts write '~' where
        // the NUL goes.
        [DataRow("Nul: a~b", "Nul", "a b")]
        [DataRow("Nul: ~a~~b~", "Nul", " a  b ")]
        [DataRow("Nul:~", "Nul", " ")]
        [DataRow("Fold: a\r\n b~c", "Fold", "a b c")]
        [DataRow("Both: a\rb~c\r\nBoth: ~", "Both", "a b c,  ")]
        public void NulInFieldValueReadsAsSpace(string field, string name, string expected)
        {
            string head = "HTTP/1.1 200 OK\r\n" + field + "\r\nAfter: x\r\n\r\n";
            byte[] bytes = TestBytes.WithNuls(head + ResponseHarness.NextResponse);

            foreach (int piece in ResponseHarness.PieceSizes)
            {
                byte[] copy = new byte[bytes.Length];
                Array.Copy(bytes, copy, bytes.Length);
                ResponseHead parser = new ResponseHead(new HttpLimits());
                parser.Reset(copy, 0);
                int consumed = 0;
                int arrived = 0;
                while (!parser.IsComplete && arrived < copy.Length)
                {
                    arrived += piece > 0 && piece < copy.Length - arrived ? piece : copy.Length - arrived;
                    consumed += parser.Parse(copy, consumed, arrived - consumed);
                }

                Assert.IsTrue(parser.IsComplete);
                Assert.AreEqual(head.Length, consumed);
                Assert.AreEqual(expected, parser.GetHeader(name));
                Assert.AreEqual("x", parser.GetHeader("After"));
                Assert.AreEqual(name, parser.GetName(0));
            }
        }

        // The library's own readings of a value see a NUL ('~') or a bare CR as the SP it reads
        // as: whitespace around a list element or a number, and inside one a mismatch (CR is not
        // '-', though CR | 0x20 is). Each case: the head's fields, then the framing decided:
        // whether the connection closes, the phase and the length.
        [DataRow("HTTP/1.1 200 OK\r\nConnection: ~close\r~\r\nContent-Length: 0", true, 1, 0)]
        [DataRow("HTTP/1.1 200 OK\r\nConnection: clo~se\r\nContent-Length: 0", false, 1, 0)]
        [DataRow("HTTP/1.0 200 OK\r\nConnection: keep-alive~\r\nContent-Length: 1", false, 1, 1)]
        [DataRow("HTTP/1.0 200 OK\r\nConnection: keep\ralive\r\nContent-Length: 1", true, 1, 1)]
        [DataRow("HTTP/1.0 200 OK\r\nKeep-Alive: x\r\nContent-Length: 1", false, 1, 1)]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,~\rchunked", false, 4, 0)]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked~\r\nContent-Length: 3", true, 2, -1)]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: ~12\r, 12~", false, 1, 12)]
        public void NulAndBareCrReadAsSpaceInFramingDecisions(string fields, bool willClose, int framing, int left)
        {
            byte[] bytes = TestBytes.WithNuls(fields + "\r\n\r\n");
            ResponseHead head = new ResponseHead(new HttpLimits());
            head.Reset(bytes, 0);
            Assert.AreEqual(bytes.Length, head.Parse(bytes, 0, bytes.Length));
            ResponseReader reader = new ResponseReader(new HttpLimits(), 64);
            reader.Decide(head, false);
            Assert.AreEqual(willClose, reader.WillClose);
            Assert.AreEqual(framing, (int)reader.Framing);
            Assert.AreEqual((long)left, framing == (int)ResponseReader.Phase.UntilClose ? -1L : reader.Left);
        }

        // A value is trimmed where it is first read: reading it again, or in another way,
        // gives the same text, and a fold joins the trimmed value.
        [TestMethod]
        public void ValueReadsAgreeHoweverOftenTheyAreMade()
        {
            ResponseHead head = ResponseHarness.Head("HTTP/1.1 200 OK\r\nA: \t x y \t\r\nB:  1 \r\nB: 2\t\r\nC:   \r\nD: d \r\n \te \r\n\r\n");
            Assert.AreEqual("x y", head.GetHeader("A"));
            Assert.AreEqual("x y", head.GetValue(0));
            Assert.AreEqual("x y", head.GetHeader("A"));
            Assert.AreEqual("2", head.GetValue(2));
            Assert.AreEqual("1, 2", head.GetHeader("B"));
            Assert.AreEqual("1", head.GetValue(1));
            Assert.AreEqual("", head.GetValue(3));
            Assert.AreEqual("", head.GetHeader("C"));
            Assert.AreEqual("d e", head.GetValue(4));
            Assert.AreEqual(5, head.Count);
        }

        [TestMethod]
        public void NulInsideContentLengthIsHttpException()
        {
            byte[] bytes = TestBytes.WithNuls("HTTP/1.1 200 OK\r\nContent-Length: 1~2\r\n\r\n");
            ResponseHead head = new ResponseHead(new HttpLimits());
            head.Reset(bytes, 0);
            head.Parse(bytes, 0, bytes.Length);
            ResponseReader reader = new ResponseReader(new HttpLimits(), 64);
            Assert.ThrowsException(typeof(HttpException), () => reader.Decide(head, false));
        }

        [TestMethod]
        public void NulInFieldNameIsHttpException()
        {
            byte[] bytes = TestBytes.Of("HTTP/1.1 200 OK\r\nN~l: x\r\n\r\n");
            bytes[18] = 0;
            ResponseHead parser = new ResponseHead(new HttpLimits());
            parser.Reset(bytes, 0);
            Assert.ThrowsException(typeof(HttpException), () => parser.Parse(bytes, 0, bytes.Length));
        }

        [DataRow("Connection: close", ResponseHead.Connection, ResponseHead.Close, true)]
        [DataRow("Connection: Upgrade, Keep-Alive", ResponseHead.Connection, ResponseHead.KeepAlive, true)]
        [DataRow("Connection: Keep-Alive, Upgrade", ResponseHead.Connection, ResponseHead.KeepAlive, true)]
        [DataRow("Connection: keep-alive\r\nConnection: CLOSE ", ResponseHead.Connection, ResponseHead.Close, true)]
        [DataRow("Connection: ,, close ,", ResponseHead.Connection, ResponseHead.Close, true)]
        [DataRow("Connection: closed", ResponseHead.Connection, ResponseHead.Close, false)]
        [DataRow("Connection: not-close", ResponseHead.Connection, ResponseHead.Close, false)]
        [DataRow("Proxy-Connection: close", ResponseHead.Connection, ResponseHead.Close, false)]
        [DataRow("Proxy-Connection: keep-alive", ResponseHead.ProxyConnection, ResponseHead.KeepAlive, true)]
        [DataRow("Connection:", ResponseHead.Connection, ResponseHead.Close, false)]
        public void HasTokenMatchesListElements(string field, int name, int token, bool expected)
        {
            ResponseHead head = ResponseHarness.Head("HTTP/1.1 200 OK\r\n" + field + "\r\n\r\n");
            Assert.AreEqual(expected, head.HasToken(name, token));
        }

        [DataRow("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nBad : x\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nBad\t: x\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nBad(): x\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nA: 1\r\n\rX\r\n")]
        public void InvalidFieldLineIsHttpException(string head)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                int consumed;
                Assert.ThrowsException(typeof(HttpException), () => ResponseHarness.ParseHead(head, piece, out consumed));
            }
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void HeaderCountLimit(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxHeaderCount = 3;
            int consumed;
            ResponseHead fits = ResponseHarness.ParseHead("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n: ignored\r\nC: 3\r\n\r\n", piece, limits, out consumed);
            Assert.AreEqual(3, fits.Count);
            Assert.ThrowsException(typeof(HttpException), () => ResponseHarness.ParseHead("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", piece, limits, out consumed));
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void HeaderLineLimit(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = 16;
            int consumed;
            // "Abcdefgh: 1234\r\n" is 16 bytes, "Abcdefgh: 12345\r\n" is 17.
            ResponseHead fits = ResponseHarness.ParseHead("HTTP/1.0 200\r\nAbcdefgh: 1234\r\n\r\n", piece, limits, out consumed);
            Assert.AreEqual("1234", fits.GetHeader("abcdefgh"));
            LineTooLongException error = null;
            try
            {
                ResponseHarness.ParseHead("HTTP/1.0 200\r\nAbcdefgh: 12345\r\n\r\n", piece, limits, out consumed);
            }
            catch (LineTooLongException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(LineTooLongException.HeaderLine, error.LineType);
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void HeaderSectionSizeLimit(int piece)
        {
            HttpLimits limits = new HttpLimits();
            string head = "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\n";
            limits.MaxHeaderBytes = head.Length;
            int consumed;
            ResponseHead fits = ResponseHarness.ParseHead(head + ResponseHarness.NextResponse, piece, limits, out consumed);
            Assert.IsTrue(fits.IsComplete);
            Assert.AreEqual(head.Length, consumed);
            limits.MaxHeaderBytes = head.Length - 1;
            Assert.ThrowsException(typeof(HttpException), () => ResponseHarness.ParseHead(head, piece, limits, out consumed));
        }

        [TestMethod]
        public void FieldErrorIsSticky()
        {
            byte[] bytes = TestBytes.Of("HTTP/1.1 200 OK\r\nBad Name: x\r\nGood: y\r\n\r\n");
            ResponseHead parser = new ResponseHead(new HttpLimits());
            parser.Reset(bytes, 0);
            Assert.ThrowsException(typeof(HttpException), () => parser.Parse(bytes, 0, 30));
            Assert.ThrowsException(typeof(HttpException), () => parser.Parse(bytes, 30, bytes.Length - 30));
            Assert.IsFalse(parser.IsComplete);
        }

        [TestMethod]
        public void ParseRejectsBytesThatDoNotFollowTheConsumedOnes()
        {
            byte[] bytes = TestBytes.Of("HTTP/1.1 200 OK\r\n\r\n");
            ResponseHead parser = new ResponseHead(new HttpLimits());
            parser.Reset(bytes, 0);
            Assert.AreEqual(4, parser.Parse(bytes, 0, 4));
            Assert.ThrowsException(typeof(ArgumentException), () => parser.Parse(bytes, 5, 4));
        }
    }
}
