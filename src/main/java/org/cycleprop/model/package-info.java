/**
 * The STCN network (Cheng et al. 2021, "Rethinking Space-Time Networks with Improved Memory Coverage") as DJL
 * blocks, its presets, trained-weight files and device choice. Feature names follow STCN: the trailing number
 * is the stride (f16, f8, f4 trunk features; k16 keys; v16 values). Entry points: {@link
 * org.cycleprop.model.StcnNetwork}, {@link org.cycleprop.model.Preset}, {@link org.cycleprop.model.ModelFile},
 * {@link org.cycleprop.model.Devices}, {@link org.cycleprop.model.InferenceMode}.
 */
package org.cycleprop.model;
