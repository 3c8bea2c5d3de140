using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class Utf8Tests
    {
        // Expected bytes are written one char per byte (Latin-1), as TestBytes.Of reads them.
        [DataRow("", "")]
        [DataRow("abc", "abc")]
        [DataRow("\u007f\u0080", "\u007f\u00c2\u0080")]
        [DataRow("\u00e9\u07ff\u0800", "\u00c3\u00a9\u00df\u00bf\u00e0\u00a0\u0080")]
        [DataRow("\u20ac\uffff", "\u00e2\u0082\u00ac\u00ef\u00bf\u00bf")]
        [DataRow("\ud834\udd1e", "\u00f0\u009d\u0084\u009e")]
        [DataRow("\udbff\udfff", "\u00f4\u008f\u00bf\u00bf")]
        public void TextIsEncodedAndCountedAsUtf8(string text, string expected)
        {
            AssertUtf8(text, expected);
        }

        // Built from chars: an attribute argument cannot carry a lone surrogate.
        [TestMethod]
        public void LoneSurrogateBecomesTheReplacementCharacter()
        {
            AssertUtf8(new string(new char[] { 'a', (char)0xD834 }), "a\u00ef\u00bf\u00bd");
            AssertUtf8(new string(new char[] { (char)0xDD1E, 'b' }), "\u00ef\u00bf\u00bdb");
            AssertUtf8(new string(new char[] { (char)0xDD1E, (char)0xD834 }), "\u00ef\u00bf\u00bd\u00ef\u00bf\u00bd");
        }

        private static void AssertUtf8(string text, string expected)
        {
            byte[] bytes = TestBytes.Of(expected);
            int counted = 0;
            Assert.AreEqual(bytes.Length, HttpConnection.EncodeUtf8(text, ref counted, null, 0, 0));
            Assert.AreEqual(text.Length, counted);

            // Encoded in the smallest blocks allowed (4 bytes): a character never splits.
            byte[] encoded = new byte[bytes.Length + 4];
            int charIndex = 0;
            int at = 0;
            while (charIndex < text.Length)
            {
                at += HttpConnection.EncodeUtf8(text, ref charIndex, encoded, at, 4);
            }

            Assert.AreEqual(bytes.Length, at);
            for (int i = 0; i < bytes.Length; i++)
            {
                Assert.AreEqual(bytes[i], encoded[i]);
            }
        }

        [TestMethod]
        public void EncodingStopsBeforeACharacterThatWouldNotFit()
        {
            byte[] buffer = new byte[8];
            int charIndex = 0;
            Assert.AreEqual(5, HttpConnection.EncodeUtf8("a\ud834\udd1e\u20ac", ref charIndex, buffer, 0, 7));
            Assert.AreEqual(3, charIndex);
        }
    }
}
