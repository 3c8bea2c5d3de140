namespace HttpNano
{
    /// <summary>
    /// Milliseconds for deadlines. The host has a monotonic tick count; the device's mscorlib
    /// has only the wall clock, which SNTP sets once at start-up (before any HTTPS request can
    /// succeed), so a deadline spanning that moment is the one case it can misjudge.
    /// </summary>
    internal static class Clock
    {
        public static long NowMilliseconds()
        {
#if NANOFRAMEWORK_1_0
            return System.DateTime.UtcNow.Ticks / System.TimeSpan.TicksPerMillisecond;
#else
            return System.Environment.TickCount64;
#endif
        }
    }
}
