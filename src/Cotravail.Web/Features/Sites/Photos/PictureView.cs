namespace Cotravail.Web.Features.Sites.Photos;

/// <summary>A photo as the <c>_Picture</c> partial draws it: the <c>sizes</c> it is shown at and its CSS class.</summary>
public sealed record PictureView(SitePhotoView Photo, string Sizes, string CssClass = "photo")
{
    /// <summary>On a home page card: about the width of a phone's screen less its margins, a third of the page on a wide one.</summary>
    public static PictureView Card(SitePhotoView photo) =>
        new(photo, "(min-width: 68rem) 20rem, (min-width: 42rem) 45vw, calc(100vw - 4.5rem)", "photo card-photo");

    /// <summary>In the gallery of a site's page.</summary>
    public static PictureView Gallery(SitePhotoView photo) =>
        new(photo, "(min-width: 68rem) 17rem, (min-width: 40rem) 30vw, calc(50vw - 1.5rem)");

    /// <summary>On the managers' page.</summary>
    public static PictureView Admin(SitePhotoView photo) => new(photo, "(min-width: 40rem) 320px, 100vw");
}
