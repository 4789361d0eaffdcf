"""The referral letter's screens: the letter dialog, its forms, and the follow-up of referrals."""
