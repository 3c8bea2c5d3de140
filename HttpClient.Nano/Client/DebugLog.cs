namespace HttpNano
{
    /// <summary>
    /// Where the debug lines of <see cref="HttpConnection.SetDebugLevel"/> go: standard output on
    /// a desktop (as in CPython), the debugger output on the device. Only called when the debug
    /// level is above 0, so its string building never touches the normal request path.
    /// </summary>
    internal static class DebugLog
    {
        public static void WriteLine(string line)
        {
#if NANOFRAMEWORK_1_0
            System.Diagnostics.Debug.WriteLine(line);
#else
            System.Console.WriteLine(line);
#endif
        }

        /// <summary>Bytes as CPython's repr would show them: printable ASCII as is, CR/LF/TAB escaped, others as \xNN.</summary>
        public static string Escape(byte[] buffer, int offset, int count)
        {
            char[] chars = new char[count * 4];
            int at = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int b = buffer[i];
                if (b == '\r' || b == '\n' || b == '\t' || b == '\\')
                {
                    chars[at++] = '\\';
                    chars[at++] = b == '\r' ? 'r' : b == '\n' ? 'n' : b == '\t' ? 't' : '\\';
                }
                else if (b >= 32 && b < 127)
                {
                    chars[at++] = (char)b;
                }
                else
                {
                    chars[at++] = '\\';
                    chars[at++] = 'x';
                    chars[at++] = HexDigit(b >> 4);
                    chars[at++] = HexDigit(b & 15);
                }
            }

            return new string(chars, 0, at);
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }
    }
}
