// Source: nanoframework/System.Text, nanoFramework.System.Text/Text/Encoding.cs (subset: UTF8,
// GetBytes(string), GetBytes(string, int, int, byte[], int), GetChars(byte[], int, int),
// GetString(byte[], int, int)). The indexed overload is native on the device
// (nf-interpreter, src/nanoFramework.System.Text/nf_system_text_System_Text_UTF8Encoding.cpp,
// GetBytes___I4__STRING__I4__I4__SZARRAY_U1__I4) and called through Encoding in nanoFramework's
// own tests (Tests/NFUnitTestEncoding/EncodingTests.cs).
namespace System.Text
{
    /// <summary>A character encoding; nanoFramework has UTF-8 only.</summary>
    [Serializable]
    public abstract class Encoding
    {
        /// <summary>The UTF-8 encoding.</summary>
        public static Encoding UTF8 => throw null;

        /// <summary>Encodes a string.</summary>
        public abstract byte[] GetBytes(string s);

        /// <summary>Encodes <paramref name="charCount"/> characters from <paramref name="charIndex"/> into <paramref name="bytes"/>; returns the bytes written.</summary>
        public abstract int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex);

        /// <summary>Decodes <paramref name="byteCount"/> bytes into characters.</summary>
        public abstract char[] GetChars(byte[] bytes, int byteIndex, int byteCount);

        /// <summary>Decodes <paramref name="count"/> bytes into a string.</summary>
        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }
    }
}
