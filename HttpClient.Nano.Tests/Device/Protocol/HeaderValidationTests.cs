using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HeaderValidationTests
    {
        // The rules for a header name and value, as writing one applies them: the name must be a
        // non-empty token (no CR, LF, colon, space or other separator), the value Latin-1 text in
        // which CR and LF appear only as an obs-fold (CRLF followed by SP or HTAB).
        private static void CheckHeader(string name, string value)
        {
            new RequestWriter().WriteHeader(name, value);
        }

        [DataRow("GET")]
        [DataRow("POST")]
        [DataRow("M-SEARCH")]
        [DataRow("x!#$%&'*+-.^_`|~9")]
        public void TokenMethodIsAccepted(string method)
        {
            ValidateMethod(method);
            CheckHeader(method, "");
        }

        [DataRow("")]
        [DataRow("GET\r\n")]
        [DataRow("GET\n")]
        [DataRow("GET\rHost: evil")]
        [DataRow("G ET")]
        [DataRow("\tGET")]
        [DataRow("GE\u0001T")]
        [DataRow("GET\u007f")]
        [DataRow("GE:T")]
        [DataRow("G\u00c9T")]
        public void NonTokenMethodIsRejected(string method)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => ValidateMethod(method));
        }

        [TestMethod]
        public void NullMethodIsRejected()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => ValidateMethod(null));
        }

        [DataRow("/")]
        [DataRow("*")]
        [DataRow("/a/b?c=d&e=%20f#g")]
        [DataRow("http://example.com:8080/x")]
        [DataRow("/~!$&'()*+,;=:@")]
        public void PrintableUrlIsAccepted(string url)
        {
            ValidateUrl(url);
            Assert.IsTrue(url.Length > 0);
        }

        [DataRow("/a b")]
        [DataRow("/\r\nHost: evil")]
        [DataRow("/x\n")]
        [DataRow("/x\r")]
        [DataRow("/\t")]
        [DataRow("/\u0001")]
        [DataRow("/\u001f")]
        [DataRow("/\u007f")]
        [DataRow(" /")]
        public void ControlCharacterOrSpaceInUrlIsInvalidUrl(string url)
        {
            Assert.ThrowsException(typeof(InvalidUrlException), () => ValidateUrl(url));
        }

        [DataRow("/caf\u00e9")]
        [DataRow("/\u0100")]
        public void NonAsciiUrlIsRejected(string url)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => ValidateUrl(url));
        }

        [DataRow("example.com")]
        [DataRow("fe80::1%eth0")]
        [DataRow("192.168.1.2")]
        public void PrintableHostIsAccepted(string host)
        {
            ValidateHost(host);
            Assert.IsTrue(host.Length > 0);
        }

        [DataRow("exa mple.com")]
        [DataRow("example.com\r\n")]
        [DataRow("\texample.com")]
        [DataRow("example.com\u007f")]
        [DataRow("example\u0001.com")]
        public void ControlCharacterOrSpaceInHostIsInvalidUrl(string host)
        {
            Assert.ThrowsException(typeof(InvalidUrlException), () => ValidateHost(host));
        }

        [DataRow("Host")]
        [DataRow("Content-Length")]
        [DataRow("X-Custom_Header.1")]
        [DataRow("!#$%&'*+-.^_`|~")]
        public void TokenHeaderNameIsAccepted(string name)
        {
            CheckHeader(name, "");
        }

        [DataRow("")]
        [DataRow("Invalid\r\nName")]
        [DataRow("Invalid\rName")]
        [DataRow("Invalid\nName")]
        [DataRow("\r\nInvalidName")]
        [DataRow("\rInvalidName")]
        [DataRow("\nInvalidName")]
        [DataRow(" InvalidName")]
        [DataRow("\tInvalidName")]
        [DataRow("Invalid:Name")]
        [DataRow(":InvalidName")]
        [DataRow("Key Space")]
        [DataRow("KeySpace ")]
        [DataRow("Nonbreak\u00a0Space")]
        [DataRow("\u00a0NonbreakSpace")]
        [DataRow("Name(x)")]
        public void NonTokenHeaderNameIsRejected(string name)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => CheckHeader(name, ""));
        }

        [TestMethod]
        public void NullHeaderNameIsRejected()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => CheckHeader(null, ""));
        }

        [DataRow("")]
        [DataRow(" bar ")]
        [DataRow("\tbaz\t")]
        [DataRow("Bearer mytoken")]
        [DataRow("\u00ff")]
        [DataRow("\u00c3\u0080")]
        [DataRow("next\u0085line")]
        [DataRow("is\r\n allowed")]
        [DataRow("is\r\n\tallowed")]
        [DataRow("two\r\n folds\r\n\there")]
        public void LatinOneValueAndFoldsAreAccepted(string value)
        {
            CheckHeader("N", value);
            Assert.IsTrue(value != null);
        }

        [DataRow("Invalid\r\nValue")]
        [DataRow("Invalid\rValue")]
        [DataRow("Invalid\nValue")]
        [DataRow("InvalidValue\r\n")]
        [DataRow("InvalidValue\r")]
        [DataRow("InvalidValue\n")]
        [DataRow("\r\n")]
        [DataRow("a\r\n\r\n b")]
        [DataRow("bare\n lf fold")]
        [DataRow("bare\r cr fold")]
        [DataRow("x\r\nInjected: yes")]
        public void BareLineBreakInValueIsRejected(string value)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => CheckHeader("N", value));
        }

        [DataRow("\u0100")]
        [DataRow("caf\u00e9 \u20ac")]
        public void ValueAboveLatinOneIsRejected(string value)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => CheckHeader("N", value));
        }

        [TestMethod]
        public void NullValueIsRejected()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => CheckHeader("N", null));
        }

        // The method and URL are validated while the request line is written.
        private static void ValidateMethod(string method)
        {
            new RequestWriter().StartRequest(method, "/");
        }

        private static void ValidateUrl(string url)
        {
            new RequestWriter().StartRequest("GET", url);
        }

        // The host is validated while the host argument is parsed (the port given, so that no
        // ":port" suffix is looked for).
        private static void ValidateHost(string host)
        {
            int port;
            RequestWriter.ParseHost(host, 80, 80, out port);
        }
    }
}
