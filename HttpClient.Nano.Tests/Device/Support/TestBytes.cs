using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>Byte/text conversions and comparisons for protocol test cases (Latin-1, one byte per char).</summary>
    public static class TestBytes
    {
        /// <summary>The text as bytes, one per char.</summary>
        public static byte[] Of(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>
        /// The text as bytes, one per char, with each '~' as a NUL: a literal NUL would cut a
        /// DataRow string on the device.
        /// </summary>
        public static byte[] WithNuls(string text)
        {
            byte[] bytes = Of(text);
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == '~')
                {
                    bytes[i] = 0;
                }
            }

            return bytes;
        }

        /// <summary>The bytes as text, one char per byte.</summary>
        public static string Text(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }

        /// <summary>The whole array as text.</summary>
        public static string Text(byte[] bytes)
        {
            return Text(bytes, 0, bytes.Length);
        }

        /// <summary>Fails unless both arrays hold the same bytes; the message shows them as text.</summary>
        public static void AreEqual(byte[] expected, byte[] actual)
        {
            Assert.IsNotNull(actual);
            Assert.AreEqual(Text(expected), Text(actual));
        }

        /// <summary>Joins two byte arrays.</summary>
        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] joined = new byte[first.Length + second.Length];
            System.Array.Copy(first, 0, joined, 0, first.Length);
            System.Array.Copy(second, 0, joined, first.Length, second.Length);
            return joined;
        }
    }
}
