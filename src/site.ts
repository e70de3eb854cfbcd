/**
 * Site settings: the one place to change a phone number, address or destination.
 * Components and pages read these; content editors never write them out by hand.
 */

/** Where the quick exit goes: a common, harmless page that gives nothing away. */
export const QUICK_EXIT_URL: string = import.meta.env["QUICK_EXIT_URL"] ?? "https://www.bbc.co.uk/weather";

/** The tab title shown while leaving, so a glance at the tab bar reveals nothing. */
export const QUICK_EXIT_TAB_TITLE = "BBC Weather";

export const SITE_NAME = "Restorative justice in West Mercia";

export const AREA = "Herefordshire, Shropshire, Telford and Wrekin, and Worcestershire";

export const PHONE = {
  /** As people read and say it. */
  display: "0800 952 3000",
  /** For tel: links, in international form so it works from any phone. */
  tel: "+448009523000",
  /** Free from UK landlines and mobiles. */
  note: "free to call",
} as const;

/**
 * The West Mercia restorative justice team's email address. We have not been given it,
 * so it stays empty and every page hides it until someone sets it here.
 */
export const TEAM_EMAIL: string | undefined = undefined;
