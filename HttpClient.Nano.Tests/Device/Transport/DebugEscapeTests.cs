using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class DebugEscapeTests
    {
        [TestMethod]
        public void BytesReadAsCPythonsRepr()
        {
            byte[] bytes = new byte[] { (byte)'x', (byte)'A', 13, 10, 9, (byte)'\\', 0, 31, 32, 126, 127, 0xAB, 0xFF, (byte)'r' };
            Assert.AreEqual("A\\r\\n\\t\\\\\\x00\\x1f ~\\x7f\\xab\\xff", TcpTransport.Escape(bytes, 1, 12));
        }
    }
}
