package vn.healthid.sandbox.cards;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import net.sf.scuba.data.Gender;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;

/** DG2's content: an ISO/IEC 19794-5 face record wrapping a tiny synthetic JPEG (a gradient, no one's face). */
final class FaceImage {

    private static final int WIDTH = 24;
    private static final int HEIGHT = 32;

    private FaceImage() {}

    static FaceInfo faceInfo(Citizen citizen) {
        byte[] jpeg = jpeg(citizen.number().hashCode());
        try {
            FaceImageInfo image = new FaceImageInfo(
                    citizen.sex() == Sex.MALE ? Gender.MALE : Gender.FEMALE,
                    FaceImageInfo.EyeColor.UNSPECIFIED,
                    0,
                    FaceImageInfo.HAIR_COLOR_UNSPECIFIED,
                    FaceImageInfo.EXPRESSION_UNSPECIFIED,
                    new int[3],
                    new int[3],
                    FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL,
                    FaceImageInfo.IMAGE_COLOR_SPACE_RGB24,
                    FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM,
                    0,
                    0,
                    new FaceImageInfo.FeaturePoint[0],
                    WIDTH,
                    HEIGHT,
                    new ByteArrayInputStream(jpeg),
                    jpeg.length,
                    FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
            return new FaceInfo(List.of(image));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the face record", e);
        }
    }

    private static byte[] jpeg(int shade) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int level = (x * 5 + y * 3 + shade) & 0xFF;
                image.setRGB(x, y, level << 16 | (255 - level) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the face image", e);
        }
        return out.toByteArray();
    }
}
