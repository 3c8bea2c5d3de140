using System.IO;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class ScriptedTransportTests
    {
        [TestMethod]
        public void ServesPiecesThenEndOfStream()
        {
            ScriptedTransport transport = new ScriptedTransport("abcdefg", 3);
            byte[] buffer = new byte[10];
            Assert.AreEqual(3, transport.Receive(buffer, 0, 10));
            Assert.AreEqual(2, transport.Receive(buffer, 3, 2));
            Assert.AreEqual(2, transport.Receive(buffer, 5, 10));
            Assert.AreEqual("abcdefg", TestBytes.Text(buffer, 0, 7));
            Assert.AreEqual(0, transport.Receive(buffer, 0, 10));
            Assert.AreEqual(0, transport.Receive(buffer, 0, 10));
            Assert.AreEqual(5, transport.ReceiveCalls);
        }

        [TestMethod]
        public void ResetsAtTheChosenPoint()
        {
            ScriptedTransport transport = new ScriptedTransport("abcdefg", 0);
            transport.ResetAt = 4;
            byte[] buffer = new byte[10];
            Assert.AreEqual(4, transport.Receive(buffer, 0, 10));
            Assert.ThrowsException(typeof(IOException), () => transport.Receive(buffer, 0, 10));
        }

        [TestMethod]
        public void RecordsSentBytesAndClose()
        {
            ScriptedTransport transport = new ScriptedTransport("", 0);
            byte[] request = TestBytes.Of("GET / HTTP/1.1\r\n\r\n");
            for (int i = 0; i < 20; i++)
            {
                transport.Send(request, 0, request.Length);
            }

            Assert.AreEqual(20 * request.Length, transport.SentCount);
            Assert.IsTrue(transport.SentText.StartsWith("GET / HTTP/1.1\r\n\r\nGET /"));
            transport.Close();
            Assert.IsTrue(transport.IsClosed);
        }

        [TestMethod]
        public void AppendAndRewindExtendAndReplayTheScript()
        {
            ScriptedTransport transport = new ScriptedTransport("ab", 0);
            transport.Append(TestBytes.Of("cd"));
            byte[] buffer = new byte[4];
            Assert.AreEqual(4, transport.Receive(buffer, 0, 4));
            Assert.AreEqual("abcd", TestBytes.Text(buffer));
            transport.Rewind();
            Assert.AreEqual(4, transport.Remaining);
        }
    }
}
