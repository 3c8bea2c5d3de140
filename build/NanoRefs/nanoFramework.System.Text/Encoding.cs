// Source: nanoframework/System.Text, nanoFramework.System.Text/Text/Encoding.cs (subset: UTF8,
// GetBytes(string), GetChars(byte[], int, int), GetString(byte[], int, int)).
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

        /// <summary>Decodes <paramref name="byteCount"/> bytes into characters.</summary>
        public abstract char[] GetChars(byte[] bytes, int byteIndex, int byteCount);

        /// <summary>Decodes <paramref name="count"/> bytes into a string.</summary>
        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }
    }
}
