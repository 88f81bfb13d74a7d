/** The languages of the screen. */
export type Lang = 'zh' | 'en';
