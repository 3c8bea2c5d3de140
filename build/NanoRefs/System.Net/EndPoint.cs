// Source: nanoframework/System.Net, nanoFramework.System.Net/EndPoint.cs (Serialize/Create left out)
namespace System.Net
{
    /// <summary>A network address.</summary>
    [Serializable]
    public abstract class EndPoint
    {
    }
}
