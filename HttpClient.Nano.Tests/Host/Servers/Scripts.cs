using System;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>Ready-made scripts for <see cref="ScriptedServer"/>.</summary>
    public static class Scripts
    {
        /// <summary>Reads one request, sends <paramref name="response"/> verbatim, closes (FIN).</summary>
        public static Action<ScriptedConnection> Reply(string response)
        {
            return c => c.ReadRequest().Send(response).Close();
        }

        /// <summary>
        /// For each response in turn: reads one request and sends it; then waits for the client
        /// to close (up to the step timeout) and closes.
        /// </summary>
        public static Action<ScriptedConnection> ReplyKeepAlive(params string[] responses)
        {
            return c =>
            {
                foreach (string response in responses)
                {
                    c.ReadRequest().Send(response);
                }

                c.ReadToEnd().Close();
            };
        }

        /// <summary>Reads one request and answers with RST.</summary>
        public static Action<ScriptedConnection> ResetAfterRequest()
        {
            return c => c.ReadRequest().Reset();
        }

        /// <summary>Reads one request and closes without answering (FIN, no bytes).</summary>
        public static Action<ScriptedConnection> CloseAfterRequest()
        {
            return c => c.ReadRequest().Close();
        }
    }
}
