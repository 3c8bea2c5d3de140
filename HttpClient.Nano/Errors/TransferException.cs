using System;

namespace HttpNano
{
    /// <summary>
    /// A transfer through <see cref="HttpTransfer"/> failed for a reason HTTP itself gave: a
    /// redirect that cannot or must not be followed, a status or range the download cannot use,
    /// or a download that stayed incomplete after its retries. One type with a
    /// <see cref="Reason"/> (one of the constants here) instead of a type per failure: on the
    /// device every type costs flash, and so does every message text (the message is the
    /// platform's default; <see cref="Reason"/>, <see cref="Status"/> and <see cref="Location"/> say it all). The connection is closed; nothing was
    /// written to a download's destination past the bytes that were verified.
    /// </summary>
    public class TransferException : HttpException
    {
        /// <summary>More redirects than <see cref="HttpTransfer.MaxRedirects"/> (a loop, most likely).</summary>
        public const int TooManyRedirects = 1;

        /// <summary>A redirect without a Location, or with one that is not a usable http or https URL.</summary>
        public const int BadLocation = 2;

        /// <summary>A redirect from https to http, refused unless <see cref="HttpTransfer.AllowDowngrade"/> is set.</summary>
        public const int Downgrade = 3;

        /// <summary>A 307 or 308 redirect must send the body again, and the body stream cannot seek back.</summary>
        public const int NotReplayable = 4;

        /// <summary>A download answered with a status other than 200 or, to a range request, 206.</summary>
        public const int BadStatus = 5;

        /// <summary>
        /// A resumed download got the whole resource again (200: it changed, or ranges are not
        /// served) and the destination cannot seek and be truncated to start over.
        /// </summary>
        public const int Changed = 6;

        /// <summary>A 416, a Content-Range that does not start where asked or has another total, or a 206 nobody asked for.</summary>
        public const int BadRange = 7;

        /// <summary>A body longer than its Content-Range or Content-Length said.</summary>
        public const int LengthMismatch = 8;

        /// <summary>
        /// The download was cut (connection lost, reset, timed out, body short of its length) more
        /// often than <see cref="HttpTransfer.MaxRetries"/> allows; the last failure, if any, is the InnerException.
        /// </summary>
        public const int Interrupted = 9;

        /// <summary>Why: one of the constants of this class.</summary>
        public readonly int Reason;

        /// <summary>The status of the last response, or 0 when none arrived.</summary>
        public readonly int Status;

        /// <summary>The Location of the last redirect for redirect failures, else the URL of the last request.</summary>
        public readonly string Location;

        /// <summary>Creates the exception.</summary>
        /// <param name="reason">One of the constants of this class.</param>
        /// <param name="status">The status of the last response, or 0.</param>
        /// <param name="location">The last Location or URL, or null.</param>
        /// <param name="innerException">The failure behind it, or null.</param>
        public TransferException(int reason, int status, string location, Exception innerException = null) : base(null, innerException)
        {
            Reason = reason;
            Status = status;
            Location = location;
        }
    }
}
