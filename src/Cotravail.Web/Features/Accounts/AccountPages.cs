namespace Cotravail.Web.Features.Accounts;

/// <summary>The account pages' names (paths under <c>/Features</c>), for links and redirects.</summary>
public static class AccountPages
{
    public const string Register = "/Accounts/Registration/Register";
    public const string CheckYourMail = "/Accounts/Registration/CheckYourMail";
    public const string ConfirmEmail = "/Accounts/Registration/ConfirmEmail";
    public const string ResendConfirmation = "/Accounts/Registration/ResendConfirmation";
    public const string Login = "/Accounts/SignIn/Login";
    public const string Logout = "/Accounts/SignIn/Logout";
    public const string AccessDenied = "/Accounts/SignIn/AccessDenied";
    public const string ForgotPassword = "/Accounts/Passwords/ForgotPassword";
    public const string ResetPassword = "/Accounts/Passwords/ResetPassword";
    public const string ChangePassword = "/Accounts/Passwords/ChangePassword";
    public const string TwoFactor = "/Accounts/TwoFactor/Index";
    public const string EnableTwoFactor = "/Accounts/TwoFactor/Enable";
    public const string LoginTwoFactor = "/Accounts/SignIn/LoginTwoFactor";
}
